import type { TimeHistogram } from '../board/BoardQuery.ts';

/** What a bin holds, for the hover readout. */
export interface BinSummary {
  bin: number;
  /** Epoch ms: the bin is [from, to). */
  from: number;
  to: number;
  total: number;
  /** The categories with the most events, most first (ties: code order), only non-zero ones. */
  top: { category: number; count: number }[];
}

/** The bin that holds `time`, or -1 outside the histogram. */
export function binIndexAt(histogram: Pick<TimeHistogram, 'start' | 'binMs' | 'bins'>, time: number): number {
  const bin = Math.floor((time - histogram.start) / histogram.binMs);
  return bin >= 0 && bin < histogram.bins ? bin : -1;
}

/** Bin `bin` of `histogram` summed up, with its `topCount` largest categories. */
export function binSummary(histogram: TimeHistogram, bin: number, topCount = 3): BinSummary {
  const { categories, counts } = histogram;
  const perCategory: { category: number; count: number }[] = [];
  let total = 0;
  for (let c = 0; c < categories; c++) {
    const count = counts[bin * categories + c];
    total += count;
    if (count > 0) perCategory.push({ category: c, count });
  }
  perCategory.sort((a, b) => b.count - a.count || a.category - b.category);
  const from = histogram.start + bin * histogram.binMs;
  return { bin, from, to: from + histogram.binMs, total, top: perCategory.slice(0, topCount) };
}
