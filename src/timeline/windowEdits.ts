import { DAY_MS, WEEK_MS } from '../risk/utc8Calendar.ts';
import { VIEW_LIMITS } from '../view/ViewState.ts';
import type { TimelineBounds } from './TimelineBounds.ts';

/**
 * The timeline's edits of T and the window, as pure functions of where the pointer or key took
 * them. Every edit snaps to the histogram's bins — T to a bin boundary, the window's length to
 * whole bins — and keeps T inside the histogram's span and the length inside
 * VIEW_LIMITS.windowDays, so the view store never has to refuse what the timeline asks.
 */

/** The window as the timeline edits it: T (its end) and its length, both ms. */
export interface TimeWindow {
  /** T, epoch ms. */
  at: number;
  windowMs: number;
}

/** What a key press on one of the timeline's sliders edits. */
export type TimelineKeyTarget =
  /** The brush: arrows move the whole window, Page Up / Page Down change its length. */
  | 'window'
  /** The T handle: every key moves T; the length stays. */
  | 'time';

/** The view's T and window length (days) as a TimeWindow. */
export function timeWindowOf(at: number, windowDays: number): TimeWindow {
  return { at, windowMs: Math.round(windowDays * DAY_MS) };
}

/** The window's length in days, as the view stores it. */
export function windowDaysOf(window: TimeWindow): number {
  return window.windowMs / DAY_MS;
}

/** The shortest and longest window the timeline sets: whole bins inside VIEW_LIMITS.windowDays. */
export function windowLimits(bounds: TimelineBounds): { min: number; max: number } {
  const [lowDays, highDays] = VIEW_LIMITS.windowDays;
  const high = highDays * DAY_MS;
  const most = Math.floor(high / bounds.binMs);
  // A bin longer than the longest window (never from a real histogram): the longest window.
  if (most < 1) return { min: high, max: high };
  // The tolerance absorbs 1/24 of a day not being exact in binary.
  const least = Math.max(1, Math.ceil((lowDays * DAY_MS) / bounds.binMs - 1e-9));
  return { min: least * bounds.binMs, max: Math.max(least, most) * bounds.binMs };
}

/** The larger keyboard step for bins of `binMs`: a day for hour bins, a week for day bins, four bins beyond. */
export function largeStepMs(binMs: number): number {
  if (binMs < DAY_MS) return DAY_MS;
  if (binMs < WEEK_MS) return WEEK_MS;
  return 4 * binMs;
}

/** `time` held inside the timeline's span (and the instants a view may hold). */
export function clampTime(bounds: TimelineBounds, time: number): number {
  const [earliest, latest] = VIEW_LIMITS.at;
  return Math.min(bounds.end, latest, Math.max(bounds.start, earliest, time));
}

/** The bin boundary nearest `time`, inside the span. */
export function snapTime(bounds: TimelineBounds, time: number): number {
  return clampTime(bounds, bounds.start + Math.round((time - bounds.start) / bounds.binMs) * bounds.binMs);
}

/** The first bin boundary after `time`, inside the span. */
export function nextBoundary(bounds: TimelineBounds, time: number): number {
  return clampTime(bounds, bounds.start + (Math.floor((time - bounds.start) / bounds.binMs) + 1) * bounds.binMs);
}

/** The last bin boundary before `time`, inside the span. */
export function previousBoundary(bounds: TimelineBounds, time: number): number {
  return clampTime(bounds, bounds.start + (Math.ceil((time - bounds.start) / bounds.binMs) - 1) * bounds.binMs);
}

/** The end of the bin that holds `time` (clicking a bin sets T there). */
export function binEnd(bounds: TimelineBounds, time: number): number {
  return Math.max(bounds.start + bounds.binMs, nextBoundary(bounds, time));
}

/** `length` rounded to whole bins and held inside the window limits. */
export function snapLength(bounds: TimelineBounds, length: number): number {
  const { min, max } = windowLimits(bounds);
  return Math.min(max, Math.max(min, Math.round(length / bounds.binMs) * bounds.binMs));
}

/** `length` held inside the window limits, not snapped (a length the view already had stays). */
function keptLength(bounds: TimelineBounds, length: number): number {
  const { min, max } = windowLimits(bounds);
  return Math.min(max, Math.max(min, length));
}

/** T to the boundary nearest `time`, the length kept: the brush's body or the T handle dragged. */
export function moveTo(bounds: TimelineBounds, window: TimeWindow, time: number): TimeWindow {
  return { at: snapTime(bounds, time), windowMs: keptLength(bounds, window.windowMs) };
}

/** The window's start dragged to `start`: T stays, the length follows (whole bins). */
export function resizeStart(bounds: TimelineBounds, window: TimeWindow, start: number): TimeWindow {
  return { at: clampTime(bounds, window.at), windowMs: snapLength(bounds, window.at - start) };
}

/** The window's end (T) dragged to `end`: the start stays where it was as nearly as whole bins allow. */
export function resizeEnd(bounds: TimelineBounds, window: TimeWindow, end: number): TimeWindow {
  const start = window.at - window.windowMs;
  const at = snapTime(bounds, end);
  return { at, windowMs: snapLength(bounds, at - start) };
}

/** A new window drawn from `from` to `to` (either order): T at the later end. */
export function selectRange(bounds: TimelineBounds, from: number, to: number): TimeWindow {
  const at = snapTime(bounds, Math.max(from, to));
  return { at, windowMs: snapLength(bounds, at - Math.min(from, to)) };
}

/** T at the end of the bin that holds `time`, the length kept: a click on a bin. */
export function timeAtBin(bounds: TimelineBounds, window: TimeWindow, time: number): TimeWindow {
  return { at: binEnd(bounds, time), windowMs: keptLength(bounds, window.windowMs) };
}

/**
 * The edit a key makes on a slider, or null for a key the slider does not use. Arrows move T by
 * one bin (to the next or previous boundary), Shift+arrows by largeStepMs; Home and End go to the
 * span's start and end; Page Up / Page Down change the brush's length by a bin (Shift: the larger
 * step), and move the T handle by the larger step.
 */
export function keyboardEdit(target: TimelineKeyTarget, key: string, shift: boolean, bounds: TimelineBounds, window: TimeWindow): TimeWindow | null {
  const large = largeStepMs(bounds.binMs);
  const length = keptLength(bounds, window.windowMs);
  const at = (time: number): TimeWindow => ({ at: time, windowMs: length });
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return at(shift ? snapTime(bounds, window.at + large) : nextBoundary(bounds, window.at));
    case 'ArrowLeft':
    case 'ArrowDown':
      return at(shift ? snapTime(bounds, window.at - large) : previousBoundary(bounds, window.at));
    case 'Home':
      return at(target === 'window' ? snapTime(bounds, bounds.start + length) : bounds.start);
    case 'End':
      return at(bounds.end);
    case 'PageUp':
    case 'PageDown': {
      const sign = key === 'PageUp' ? 1 : -1;
      if (target === 'time') return at(snapTime(bounds, window.at + sign * large));
      return { at: clampTime(bounds, window.at), windowMs: snapLength(bounds, window.windowMs + sign * (shift ? large : bounds.binMs)) };
    }
    default:
      return null;
  }
}
