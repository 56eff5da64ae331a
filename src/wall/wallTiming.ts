import type { FeedSubscription } from '../store/FeedSubscription.ts';
import { PLAYLIST_DEFAULTS, type Playlist } from './Playlist.ts';

/** Every duration the wall runs on, ms of the page's clock. */
export interface WallTiming {
  cycleMs: number;
  holdMs: number;
  /** The camera's glide from one view to the next. */
  transitionMs: number;
  /** An alert unseen for this long is new again when it comes back. */
  forgetAlertsMs: number;
  /** A recovered fault stays on the strip this long. */
  keepRecoveredMs: number;
  /** A registered feed's poll interval. */
  pollMs(feed: Pick<FeedSubscription, 'pollMinutes'>): number;
  /** How long a feed's data may stay unchanged; null: the wall's default rule (STALE_CHANGE_POLLS). */
  staleAfterMs: number | null;
}

/** Longest camera glide between two views, ms. */
export const MAX_TRANSITION_MS = 2500;
/** An alert that went away for this long interrupts again when it comes back. */
export const FORGET_ALERTS_MS = 6 * 3_600_000;
/** How long a recovered fault is still shown. */
export const KEEP_RECOVERED_MS = 15 * 60_000;

/** Bounds of the time compression a soak test may ask for. */
export const TIME_SCALE_LIMITS = [1, 10_000] as const;

/**
 * The wall's durations for `playlist` (the defaults without one), all divided by `timeScale`:
 * 1 on a real wall; a soak run compresses days into minutes with a larger one. The glide takes a
 * quarter of a view's time at most, so a fast cycle never spends its time moving.
 */
export function wallTiming(playlist: Playlist | null, timeScale = 1): WallTiming {
  const scale = Number.isFinite(timeScale) ? Math.min(Math.max(timeScale, TIME_SCALE_LIMITS[0]), TIME_SCALE_LIMITS[1]) : 1;
  const cycleMs = ((playlist?.cycleSeconds ?? PLAYLIST_DEFAULTS.cycleSeconds) * 1000) / scale;
  const staleAfterMinutes = playlist?.staleAfterMinutes ?? null;
  return {
    cycleMs,
    holdMs: ((playlist?.alertHoldSeconds ?? PLAYLIST_DEFAULTS.alertHoldSeconds) * 1000) / scale,
    transitionMs: Math.min(MAX_TRANSITION_MS, cycleMs / 4),
    forgetAlertsMs: FORGET_ALERTS_MS / scale,
    keepRecoveredMs: KEEP_RECOVERED_MS / scale,
    pollMs: (feed) => (feed.pollMinutes * 60_000) / scale,
    staleAfterMs: staleAfterMinutes === null ? null : (staleAfterMinutes * 60_000) / scale,
  };
}
