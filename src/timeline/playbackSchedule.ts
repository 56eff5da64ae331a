import { DAY_MS, HOUR_MS, WEEK_MS } from '../risk/utc8Calendar.ts';
import type { TimelineBounds } from './TimelineBounds.ts';
import type { TimeWindow } from './windowEdits.ts';

/** Playback speeds offered: data time per second of wall-clock time, ms. */
export const PLAYBACK_SPEEDS = [HOUR_MS, 6 * HOUR_MS, DAY_MS, WEEK_MS] as const;

/** One of the offered playback speeds. */
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

/** Which stretch playback moves T through. */
export type PlaybackRange =
  /** The histogram's whole span: T from the end of the first bin to the end of the last. */
  | 'all'
  /** The brushed window as it was when play was pressed: T from its start to its end. */
  | 'window';

/** What playback does: move T from `from` to `to` at `speed`, then stop or start over. */
export interface PlaybackPlan {
  /** Epoch ms on whole seconds; from < to. */
  from: number;
  to: number;
  /** Data ms per wall-clock second. */
  speed: number;
  loop: boolean;
}

/** The plan for `range` over the timeline's bounds and the current window. */
export function playbackPlan(range: PlaybackRange, bounds: TimelineBounds, window: TimeWindow, speed: number, loop: boolean): PlaybackPlan {
  const clamp = (time: number) => Math.min(bounds.end, Math.max(bounds.start, time));
  let from = clamp(bounds.start + bounds.binMs);
  let to = bounds.end;
  if (range === 'window') {
    to = clamp(window.at);
    from = clamp(window.at - window.windowMs);
  }
  // A window squeezed against the span's start: play over its first bin at least.
  if (to - from < bounds.binMs) to = Math.min(bounds.end, from + bounds.binMs);
  if (to <= from) from = to - bounds.binMs;
  // Whole seconds, as the engine counts time: every T playback sets is one.
  return { from: Math.ceil(from / 1000) * 1000, to: Math.floor(to / 1000) * 1000, speed, loop };
}

/** Where playback starts from T: T itself inside [from, to), else `from` (playing again from the start). */
export function playbackStart(plan: PlaybackPlan, time: number): number {
  return time >= plan.from && time < plan.to ? time : plan.from;
}

/**
 * T after `elapsedMs` of wall-clock time, on whole seconds (as the engine counts): past `to` it
 * wraps round to `from` when looping, else stops at `to` and says so.
 */
export function advancePlayback(plan: PlaybackPlan, time: number, elapsedMs: number): { time: number; ended: boolean } {
  const next = Math.round((time + (Math.max(0, elapsedMs) * plan.speed) / 1000) / 1000) * 1000;
  if (next < plan.to) return { time: Math.max(plan.from, next), ended: false };
  if (!plan.loop) return { time: plan.to, ended: true };
  return { time: plan.from + ((next - plan.from) % (plan.to - plan.from)), ended: false };
}
