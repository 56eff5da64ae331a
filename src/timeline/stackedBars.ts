import type { TimeHistogram } from '../board/BoardQuery.ts';

/** One category's bars as one SVG path (one element per category, however many bins). */
export interface CategoryBars {
  /** Category code (index into CATEGORY_KEYS). */
  category: number;
  /** Path data: a rectangle per bin where the category has events. */
  d: string;
}

/** The histogram as stacked bars in a `width` × `height` box (y down), categories bottom-up in code order. */
export interface StackedBars {
  bars: CategoryBars[];
  /** Events in the fullest bin (the top of the y scale). */
  maxTotal: number;
  /** Events per bin, all categories. */
  totals: Uint32Array;
}

/** Pixel numbers in path data: two decimals are well below a pixel. */
const px = (value: number) => String(Math.round(value * 100) / 100);

/** Events per bin, all categories together. */
export function binTotals(histogram: TimeHistogram): Uint32Array {
  const totals = new Uint32Array(histogram.bins);
  const { counts, categories } = histogram;
  for (let bin = 0; bin < histogram.bins; bin++) {
    let total = 0;
    for (let c = 0; c < categories; c++) total += counts[bin * categories + c];
    totals[bin] = total;
  }
  return totals;
}

/**
 * Stacked bars of `histogram`: bin k spans x from k·width/bins, less `gap` pixels on its right
 * (never below half its width); heights are linear in events, the fullest bin filling `height`.
 */
export function stackedBars(histogram: TimeHistogram, width: number, height: number, gap = 1): StackedBars {
  const { bins, categories, counts } = histogram;
  const totals = binTotals(histogram);
  let maxTotal = 0;
  for (let bin = 0; bin < bins; bin++) maxTotal = Math.max(maxTotal, totals[bin]);
  const parts: string[][] = Array.from({ length: categories }, () => []);
  if (bins > 0 && maxTotal > 0 && width > 0 && height > 0) {
    const step = width / bins;
    const barWidth = Math.max(step / 2, step - gap);
    const scale = height / maxTotal;
    for (let bin = 0; bin < bins; bin++) {
      let below = 0;
      const x = bin * step;
      for (let c = 0; c < categories; c++) {
        const count = counts[bin * categories + c];
        if (count === 0) continue;
        const top = height - (below + count) * scale;
        parts[c].push(`M${px(x)} ${px(top)}h${px(barWidth)}v${px(count * scale)}h${px(-barWidth)}z`);
        below += count;
      }
    }
  }
  const bars: CategoryBars[] = [];
  for (let c = 0; c < categories; c++) if (parts[c].length > 0) bars.push({ category: c, d: parts[c].join('') });
  return { bars, maxTotal, totals };
}

/** True when two histograms show the same bars (answers bring fresh arrays; most are equal). */
export function sameHistogram(a: TimeHistogram | null, b: TimeHistogram | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.start !== b.start || a.binMs !== b.binMs || a.bins !== b.bins || a.categories !== b.categories || a.counts.length !== b.counts.length) return false;
  for (let i = 0; i < a.counts.length; i++) if (a.counts[i] !== b.counts[i]) return false;
  return true;
}
