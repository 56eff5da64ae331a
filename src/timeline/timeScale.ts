/** A linear map between time (epoch ms) and horizontal pixels of the timeline's chart. */
export interface TimeScale {
  /** Time at x = 0, epoch ms. */
  start: number;
  /** Time at x = width, epoch ms (after start). */
  end: number;
  /** Chart width in CSS pixels (positive). */
  width: number;
}

/** The x of `time` (outside [start, end] it lies outside [0, width]). */
export function timeToX(scale: TimeScale, time: number): number {
  return ((time - scale.start) / (scale.end - scale.start)) * scale.width;
}

/** The time at `x`. */
export function xToTime(scale: TimeScale, x: number): number {
  return scale.start + (x / scale.width) * (scale.end - scale.start);
}

/** The time at `x`, with x held inside the chart first (a pointer dragged past an end). */
export function clampedXToTime(scale: TimeScale, x: number): number {
  return xToTime(scale, Math.min(scale.width, Math.max(0, x)));
}
