import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventLayerData, HotspotLayerData, LinkLayerData } from '../../board/BoardQuery.ts';
import { aggregateRadius, drawnLinkArcs, eventPointAttributes, eventPointRadius, hotspotFills, hotspotFractions, linkAlpha, linkAttributes, linkWidth, placeFractions } from './layerAttributes.ts';
import { CATEGORY_COLORS_BY_CODE } from './palettes/categoryPalette.ts';
import { VIRIDIS_STOPS } from '../../board/sequentialScale.ts';

function hotspots(scores: number[]): HotspotLayerData {
  const n = scores.length;
  return {
    count: n,
    cellHigh: new Uint32Array(n),
    cellLow: new Uint32Array(n),
    scores: Float64Array.from(scores),
    counts: new Uint32Array(n),
    previous: new Float64Array(n),
    outline: new Float32Array(0),
    outlineStart: new Uint32Array(n + 1),
    centre: new Float32Array(2 * n),
    totalScore: 0,
    totalCount: 0,
  };
}

describe('layer attributes', () => {
  it('colours hotspots from the top one down, more opaque the higher', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (raw) => {
        const scores = [...raw].sort((a, b) => b - a);
        const fractions = hotspotFractions(hotspots(scores));
        expect(fractions[0]).toBe(1);
        for (let k = 1; k < scores.length; k++) expect(fractions[k]).toBeLessThanOrEqual(fractions[k - 1]);
        const fills = hotspotFills(fractions, VIRIDIS_STOPS);
        expect(fills).toHaveLength(4 * scores.length);
        for (let k = 1; k < scores.length; k++) expect(fills[4 * k + 3]).toBeLessThanOrEqual(fills[4 * (k - 1) + 3]);
        expect([...fills.subarray(0, 3)]).toEqual([...VIRIDIS_STOPS.at(-1)!]);
      }),
    );
  });

  it('places sites relative to the top place, and marks places without risk', () => {
    const fractions = placeFractions(Float64Array.from([0, 10, 1, 0.001]), 4);
    expect(Number.isNaN(fractions[0])).toBe(true);
    expect(fractions[1]).toBe(1);
    expect(fractions[2]).toBeCloseTo(2 / 3);
    expect(fractions[3]).toBe(0);
  });

  it('colours points by category and sizes them by severity, or by merged count when aggregated', () => {
    const events: EventLayerData = {
      kind: 'points',
      count: 3,
      positions: new Float32Array(6),
      category: Uint8Array.from([0, 5, 10]),
      severity: Uint8Array.from([1, 3, 5]),
      weight: Uint32Array.from([1, 1, 1]),
      row: Int32Array.from([0, 1, 2]),
      inView: 3,
    };
    const { fills, radii } = eventPointAttributes(events);
    [0, 5, 10].forEach((code, i) => expect([...fills.subarray(4 * i, 4 * i + 3)]).toEqual([...CATEGORY_COLORS_BY_CODE[code]]));
    expect([...radii]).toEqual([1, 3, 5].map((s) => Math.fround(eventPointRadius(s))));
    expect(radii[0]).toBeLessThan(radii[2]);
    const merged = eventPointAttributes({ ...events, kind: 'aggregate', weight: Uint32Array.from([1, 100, 100_000]) });
    expect([...merged.radii]).toEqual([1, 100, 100_000].map((w) => Math.fround(aggregateRadius(w))));
    expect(merged.radii[2]).toBeLessThanOrEqual(14);
  });

  it('draws links thin and faint, stronger with more links, and the selection’s at full strength', () => {
    for (let w = 1; w < 1e6; w *= 3) {
      expect(linkWidth(w)).toBeLessThanOrEqual(linkWidth(w * 3));
      expect(linkAlpha(w)).toBeLessThanOrEqual(linkAlpha(w * 3));
    }
    expect(linkWidth(1)).toBeLessThan(1);
    expect(linkAlpha(1)).toBeLessThan(50);
    expect(linkWidth(1e9)).toBe(4);
    const links: LinkLayerData = { count: 2, from: new Float32Array(4), to: new Float32Array(4), weight: Uint32Array.from([1, 64]), pairs: [], totals: null, selectedCount: null, pending: false };
    const all = linkAttributes(links, drawnLinkArcs(links), [1, 2, 3, 255], [9, 9, 9, 200]);
    expect(all.colors[3]).toBeLessThan(all.colors[7]);
    const selected = { ...links, selectedCount: 2 };
    const selection = linkAttributes(selected, drawnLinkArcs(selected), [1, 2, 3, 255], [9, 9, 9, 200]);
    expect([...selection.colors]).toEqual([9, 9, 9, 200, 9, 9, 9, 200]);
  });

  it('draws only the busiest arcs without a selection, and every arc of a selection (against a plain sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (weights, max, selected) => {
        const links: LinkLayerData = { count: weights.length, from: new Float32Array(2 * weights.length), to: new Float32Array(2 * weights.length), weight: Uint32Array.from(weights), pairs: [], totals: null, selectedCount: selected ? weights.length : null, pending: false };
        const drawn = [...drawnLinkArcs(links, max)];
        if (selected || weights.length <= max) {
          expect(drawn).toEqual(weights.map((_, i) => i));
          return;
        }
        const expected = weights.map((weight, i) => ({ weight, i })).sort((a, b) => b.weight - a.weight || a.i - b.i).slice(0, max).map(({ i }) => i).sort((a, b) => a - b);
        expect(drawn).toEqual(expected);
      }),
    );
  });
});
