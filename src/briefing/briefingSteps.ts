import type { ViewState } from '../view/ViewState.ts';

/**
 * The view to restore for a briefing step or a saved view: its own state, shown in the language
 * and theme of the person looking (a bundle from another desk must not switch the room's language)
 * and in `mode`. The caller hands it to the one restore path (ViewStore.open).
 */
export function presentedView(saved: ViewState, current: Pick<ViewState, 'locale' | 'theme'>, mode: ViewState['mode']): ViewState {
  return { ...saved, locale: current.locale, theme: current.theme, mode };
}

/** The step after moving `delta` from `index` in a sequence of `count` (held inside it; 0 when empty). */
export function briefingStepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(index) + Math.trunc(delta)));
}

/**
 * A view as a bundle carries it: T fixed at `at` when the view follows now (a briefing days later
 * must show the instant it was made at, not its own now), the board's interactive mode.
 */
export function frozenView(view: ViewState, at: number): ViewState {
  return { ...view, model: { ...view.model, at: view.model.at ?? at }, mode: 'board' };
}
