import type { Locale } from '../i18n/locales.ts';
import type { ViewState } from '../view/ViewState.ts';

/** Zoom the wall flies to for an alert (at least; a closer view stays closer). */
export const ALERT_ZOOM = 11;

/**
 * The view a wall shows for a saved view: the saved camera, model, filters and layers, in the
 * wall's own language, dark theme and mode, with no drawer and no selection.
 */
export function wallItemView(saved: ViewState, locale: Locale): ViewState {
  return { ...structuredClone(saved), mode: 'wall', locale, theme: 'dark', drawer: null, selection: null };
}

/** The view a wall shows while an alert holds it: `base` centred on the alert, which is selected. */
export function wallAlertView(base: ViewState, alert: { target: 'cell' | 'site'; id: string; lon: number; lat: number }): ViewState {
  const zoom = Math.max(base.camera?.zoom ?? 0, ALERT_ZOOM);
  return { ...structuredClone(base), camera: { lon: alert.lon, lat: alert.lat, zoom }, selection: { kind: 'alert', target: alert.target, id: alert.id } };
}

/** What decides a view's alerts (model and filters, T included): views with the same key share a baseline. */
export function alertViewKey(view: ViewState): string {
  return JSON.stringify([view.model, view.filters]);
}

/**
 * The view to save into a playlist from the board: T follows now (`fixedAt` null) or is fixed at
 * `fixedAt`; no drawer and no selection (a wall shows no panels, and names no selection of the
 * moment).
 */
export function savedView(view: ViewState, fixedAt: number | null): ViewState {
  const saved = structuredClone(view);
  saved.model.at = fixedAt;
  return { ...saved, mode: 'board', drawer: null, selection: null };
}

/** An alert's place, as the wall flies to it. */
export interface AlertPlace {
  target: 'cell' | 'site';
  id: string;
  lon: number;
  lat: number;
}

/**
 * The view the wall shows for what its cycle shows: a playlist item's saved view; while an alert
 * holds the wall, the interrupted item's view (`resumeIndex`) centred on the alert (the item
 * alone when the alert's place is unknown); with no items, `base` (the view the wall was opened
 * with). Always in the wall's language, theme and mode.
 */
export function wallShownView(
  shown: { kind: 'item'; index: number } | { kind: 'alert'; key: string } | { kind: 'none' },
  items: readonly { view: ViewState }[],
  resumeIndex: number,
  base: ViewState,
  alert: AlertPlace | null,
  locale: Locale,
): ViewState {
  const itemView = (index: number): ViewState => wallItemView(items[Math.min(Math.max(0, index), items.length - 1)]?.view ?? base, locale);
  if (shown.kind === 'item') return itemView(shown.index);
  if (shown.kind === 'alert') return alert === null ? itemView(resumeIndex) : wallAlertView(itemView(resumeIndex), alert);
  return wallItemView(base, locale);
}
