import type { TimeHistogram } from '../board/BoardQuery.ts';

/**
 * What the timeline spans and snaps to: the histogram's bins, from the start of the first to the
 * end of the last (the bin that holds the data's last event). T stays inside it.
 */
export interface TimelineBounds {
  /** Start of the first bin, epoch ms. */
  start: number;
  /** End of the last bin, epoch ms. */
  end: number;
  binMs: number;
}

/** The bounds of a histogram; null when it has no bins (no events). */
export function timelineBounds(histogram: Pick<TimeHistogram, 'start' | 'binMs' | 'bins'> | null): TimelineBounds | null {
  if (histogram === null || histogram.bins <= 0 || !(histogram.binMs > 0)) return null;
  return { start: histogram.start, end: histogram.start + histogram.bins * histogram.binMs, binMs: histogram.binMs };
}
