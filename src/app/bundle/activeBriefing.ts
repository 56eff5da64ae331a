import type { Briefing } from './Briefing.svelte.ts';

let current: Briefing | null = null;

/**
 * BoardBundleUi hands its briefing over once, when the board starts. The briefing bar reaches it
 * here for what the App does not pass it (printing the bundle's views), so the App's mount of the
 * bar stays as it is.
 */
export function provideActiveBriefing(briefing: Briefing): void {
  current = briefing;
}

/** The board's briefing controller, once the board has started. */
export function activeBriefing(): Briefing | null {
  return current;
}
