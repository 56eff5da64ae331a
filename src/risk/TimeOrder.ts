import type { EventTable } from './EventTable.ts';

/**
 * The table's rows in time order (ties in row order) with their times beside, so that the rows of
 * any time interval are one contiguous range: the rows a step of T moves into or out of a window.
 */
export interface TimeOrder {
  /** Rows by ascending time, then ascending row. */
  rows: Uint32Array;
  /** `time[rows[k]]`, ascending. */
  times: Int32Array;
}

/** A stable least-significant-digit radix sort of the rows by their Int32 time: two 16-bit passes. */
export function buildTimeOrder(table: EventTable): TimeOrder {
  const n = table.count;
  const { time } = table;
  let rows = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const counts = new Uint32Array(0x10001);
  for (const shift of [0, 16]) {
    counts.fill(0);
    // Times are seconds after the table's first one, so ≥ 0; flipping the sign bit keeps order anyway.
    for (let i = 0; i < n; i++) counts[(((time[i] ^ 0x80000000) >>> shift) & 0xffff) + 1]++;
    for (let d = 1; d <= 0x10000; d++) counts[d] += counts[d - 1];
    for (let k = 0; k < n; k++) {
      const row = rows[k];
      spare[counts[((time[row] ^ 0x80000000) >>> shift) & 0xffff]++] = row;
    }
    [rows, spare] = [spare, rows];
  }
  const times = new Int32Array(n);
  for (let k = 0; k < n; k++) times[k] = time[rows[k]];
  return { rows, times };
}

/** First position in `times` (ascending) whose time is ≥ `second`. */
export function lowerBound(times: Int32Array, second: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < second) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions `[from, to)` of the rows with `fromSec ≤ time ≤ toSec`. */
export function timeRange(order: TimeOrder, fromSec: number, toSec: number): [number, number] {
  const from = lowerBound(order.times, fromSec);
  return [from, Math.max(from, lowerBound(order.times, toSec + 1))];
}
