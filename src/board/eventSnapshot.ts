import type { EventChunk } from '../events/EventChunk.ts';

const DAY_MS = 86_400_000;
const UTC_PLUS_8_MS = 8 * 3_600_000;

/** A chunk as stored: its columns plus the rows later imports superseded. */
export interface LiveChunk {
  chunk: EventChunk;
  /** 1 = row superseded by a newer version (skip it). Absent when nothing is masked. */
  mask?: Uint8Array;
}

/** What the board shows of the stored events before any scoring: flat and transferable. */
export interface EventSnapshot {
  count: number;
  /** Interleaved lon, lat (Float32) per live event. */
  positions: Float32Array;
  minTime: number;
  maxTime: number;
  /** Epoch ms of the first day's start (UTC+8 midnight) of `dailyCounts`. */
  firstDay: number;
  /** Live events per UTC+8 calendar day from `firstDay` to the last event's day. */
  dailyCounts: Uint32Array;
}

/** Start of the UTC+8 calendar day that contains `time`. */
export function utc8DayStart(time: number): number {
  return Math.floor((time + UTC_PLUS_8_MS) / DAY_MS) * DAY_MS - UTC_PLUS_8_MS;
}

/** Flattens the live rows of `chunks` into positions and a per-day histogram in two passes. */
export function buildEventSnapshot(chunks: readonly LiveChunk[]): EventSnapshot {
  let count = 0;
  let minTime = Infinity;
  let maxTime = -Infinity;
  for (const { chunk, mask } of chunks) {
    const time = chunk.columns.time;
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask && mask[row]) continue;
      count++;
      if (time[row] < minTime) minTime = time[row];
      if (time[row] > maxTime) maxTime = time[row];
    }
  }
  if (count === 0) {
    return { count: 0, positions: new Float32Array(0), minTime: 0, maxTime: 0, firstDay: 0, dailyCounts: new Uint32Array(0) };
  }
  const firstDay = utc8DayStart(minTime);
  const dailyCounts = new Uint32Array(Math.floor((utc8DayStart(maxTime) - firstDay) / DAY_MS) + 1);
  const positions = new Float32Array(count * 2);
  let out = 0;
  for (const { chunk, mask } of chunks) {
    const { lon, lat, time } = chunk.columns;
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask && mask[row]) continue;
      positions[out++] = lon[row];
      positions[out++] = lat[row];
      dailyCounts[Math.floor((time[row] - firstDay) / DAY_MS)]++;
    }
  }
  return { count, positions, minTime, maxTime, firstDay, dailyCounts };
}
