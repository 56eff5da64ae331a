import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeHistogram } from '../board/BoardQuery.ts';
import { binIndexAt, binSummary } from './binSummary.ts';
import { sameHistogram, stackedBars } from './stackedBars.ts';

const histogramArbitrary: fc.Arbitrary<TimeHistogram> = fc
  .record({ bins: fc.integer({ min: 1, max: 60 }), categories: fc.integer({ min: 1, max: 11 }), start: fc.integer({ min: 0, max: 1e12 }) })
  .chain(({ bins, categories, start }) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })), { minLength: bins * categories, maxLength: bins * categories })
      .map((counts) => ({ start, binMs: 3_600_000, bins, categories, counts: Uint32Array.from(counts) })),
  );

/** The rectangles of a path built by stackedBars: [x, y, width, height]. */
function rectangles(d: string): number[][] {
  return [...d.matchAll(/M([-\d.]+) ([-\d.]+)h([-\d.]+)v([-\d.]+)h[-\d.]+z/g)].map((m) => m.slice(1).map(Number));
}

describe('stacked bars', () => {
  it('stack every category of every bin, bottom-up in code order, the fullest bin filling the height', () => {
    fc.assert(
      fc.property(histogramArbitrary, fc.double({ min: 100, max: 4000, noNaN: true }), (histogram, width) => {
        const height = 80;
        const { bars, maxTotal, totals } = stackedBars(histogram, width, height);
        const step = width / histogram.bins;
        // Plain reference: per bin, the categories' counts in order.
        let max = 0;
        for (let bin = 0; bin < histogram.bins; bin++) {
          let total = 0;
          for (let c = 0; c < histogram.categories; c++) total += histogram.counts[bin * histogram.categories + c];
          expect(totals[bin]).toBe(total);
          max = Math.max(max, total);
        }
        expect(maxTotal).toBe(max);
        const perBin = new Map<number, { category: number; y: number; h: number }[]>();
        for (const { category, d } of bars) {
          for (const [x, y, w, h] of rectangles(d)) {
            const bin = Math.round(x / step);
            expect(Math.abs(x - bin * step)).toBeLessThan(0.01);
            expect(w).toBeGreaterThan(0);
            expect(w).toBeLessThanOrEqual(step + 0.01);
            perBin.set(bin, [...(perBin.get(bin) ?? []), { category, y, h }]);
          }
        }
        for (let bin = 0; bin < histogram.bins; bin++) {
          const parts = (perBin.get(bin) ?? []).sort((a, b) => a.category - b.category);
          const nonZero = [...Array(histogram.categories).keys()].filter((c) => histogram.counts[bin * histogram.categories + c] > 0);
          expect(parts.map((p) => p.category)).toEqual(nonZero);
          let bottom = height;
          for (const part of parts) {
            const expected = (histogram.counts[bin * histogram.categories + part.category] * height) / max;
            expect(Math.abs(part.h - expected)).toBeLessThan(0.02);
            expect(Math.abs(part.y + part.h - bottom)).toBeLessThan(0.03 * parts.length);
            bottom = part.y;
          }
          if (totals[bin] === max && max > 0) expect(Math.abs(bottom)).toBeLessThan(0.03 * parts.length);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('tells equal histograms from different ones', () => {
    fc.assert(
      fc.property(histogramArbitrary, fc.nat(), (histogram, index) => {
        const copy = { ...histogram, counts: histogram.counts.slice() };
        expect(sameHistogram(histogram, copy)).toBe(true);
        copy.counts[index % copy.counts.length] += 1;
        expect(sameHistogram(histogram, copy)).toBe(false);
        expect(sameHistogram(histogram, null)).toBe(false);
      }),
    );
  }, 60_000);

  it('sums a bin up with its largest categories first', () => {
    fc.assert(
      fc.property(histogramArbitrary, fc.nat(), (histogram, pick) => {
        const bin = pick % histogram.bins;
        const summary = binSummary(histogram, bin, 3);
        const counts = Array.from(histogram.counts.subarray(bin * histogram.categories, (bin + 1) * histogram.categories));
        expect(summary.total).toBe(counts.reduce((a, b) => a + b, 0));
        const expected = counts
          .map((count, category) => ({ category, count }))
          .filter((entry) => entry.count > 0)
          .sort((a, b) => b.count - a.count || a.category - b.category)
          .slice(0, 3);
        expect(summary.top).toEqual(expected);
        expect(summary.from).toBe(histogram.start + bin * histogram.binMs);
        expect(binIndexAt(histogram, summary.from)).toBe(bin);
        expect(binIndexAt(histogram, summary.to - 1)).toBe(bin);
        expect(binIndexAt(histogram, histogram.start - 1)).toBe(-1);
        expect(binIndexAt(histogram, histogram.start + histogram.bins * histogram.binMs)).toBe(-1);
      }),
    );
  }, 60_000);
});
