import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { EventTable } from './EventTable.ts';
import { DAY_MS, hourStart, HOUR_MS, utc8DayStart, utc8WeekStart, WEEK_MS } from './utc8Calendar.ts';

/** Most bins a histogram has: the bin grows (hour, day, week, then whole weeks) until they fit. */
export const MAX_HISTOGRAM_BINS = 400;

/** Events over time per category: `counts[bin * categories + category]`. */
export interface TimeHistogram {
  /** Start of bin 0, epoch ms: a UTC+8 hour, day or Monday boundary. */
  start: number;
  binMs: number;
  bins: number;
  counts: Uint32Array;
  categories: number;
}

/** The bins that cover `[minTime, maxTime]` (epoch ms): the finest of hour, day, week, k weeks that gives ≤ MAX_HISTOGRAM_BINS. */
export function histogramBins(minTime: number, maxTime: number): { start: number; binMs: number; bins: number } {
  const fit = (start: number, binMs: number) => ({ start, binMs, bins: Math.floor((maxTime - start) / binMs) + 1 });
  for (const [floor, binMs] of [
    [hourStart, HOUR_MS],
    [utc8DayStart, DAY_MS],
    [utc8WeekStart, WEEK_MS],
  ] as const) {
    const bins = fit(floor(minTime), binMs);
    if (bins.bins <= MAX_HISTOGRAM_BINS) return bins;
  }
  const start = utc8WeekStart(minTime);
  const weeks = Math.ceil((maxTime - start + 1) / (MAX_HISTOGRAM_BINS * WEEK_MS));
  return fit(start, weeks * WEEK_MS);
}

/** A zeroed histogram over `[minTime, maxTime]` (histogramBins), to be filled by a pass. */
export function emptyTimeHistogram(minTime: number, maxTime: number, empty: boolean): TimeHistogram {
  const categories = CATEGORY_KEYS.length;
  if (empty) return { start: minTime, binMs: DAY_MS, bins: 0, counts: new Uint32Array(0), categories };
  const { start, binMs, bins } = histogramBins(minTime, maxTime);
  return { start, binMs, bins, counts: new Uint32Array(bins * categories), categories };
}

/**
 * Counts the rows that pass `mask` (null: every row) per bin of their time (at the start of its
 * second, as everywhere in the engine) and per category, over the table's whole time range.
 */
export function computeTimeHistogram(table: EventTable, mask: Uint8Array | null, minTime: number, maxTime: number): TimeHistogram {
  const categories = CATEGORY_KEYS.length;
  if (table.count === 0) return { start: minTime, binMs: DAY_MS, bins: 0, counts: new Uint32Array(0), categories };
  const { start, binMs, bins } = histogramBins(minTime, maxTime);
  const counts = new Uint32Array(bins * categories);
  // Whole seconds on both sides: the table's times count from a whole second, and bins start on one.
  const offsetSec = (table.baseTime - start) / 1000;
  const binSec = binMs / 1000;
  const { time, category } = table;
  for (let i = 0; i < table.count; i++) {
    if (mask !== null && mask[i] === 0) continue;
    counts[Math.floor((time[i] + offsetSec) / binSec) * categories + category[i]]++;
  }
  return { start, binMs, bins, counts, categories };
}
