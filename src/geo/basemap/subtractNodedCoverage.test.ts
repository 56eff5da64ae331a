import { describe, expect, it } from 'vitest';
import type { LonLat } from '../LonLat.ts';
import { PolygonSet } from './PolygonSet.ts';
import { ringSignedArea } from './ringArea.ts';
import type { PolygonRings } from './Ring.ts';
import { subtractNodedCoverage } from './subtractNodedCoverage.ts';

// Base: a 2×2 square that also covers the cutter (the south-east 1×1 cell) and a small island
// that the cutter owns too, as China's polygon covers Hong Kong in the OSM data.
const base: PolygonRings[] = [
  [[[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [0, 2], [0, 0]]],
  [[[3, 0], [3.5, 0], [3.5, 0.5], [3, 0]]],
];
const cutters: PolygonRings[] = [
  [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]],
  [[[3, 0], [3.5, 0], [3.5, 0.5], [3, 0]]],
];
// The cutter's land boundary, counter-clockwise: from (2,1) west to (1,1), then south to (1,0).
const runs: LonLat[][] = [[[2, 1], [1, 1], [1, 0]]];

describe('subtractNodedCoverage', () => {
  it('cuts the notch out along the boundary and drops the shared island', () => {
    const out = subtractNodedCoverage(base, cutters, runs);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect(ringSignedArea(out[0][0])).toBeCloseTo(3);
    const land = new PolygonSet(out);
    expect(land.contains(0.5, 0.5)).toBe(true);
    expect(land.contains(1.5, 1.5)).toBe(true);
    expect(land.contains(1.5, 0.5)).toBe(false);
    expect(land.contains(3.3, 0.1)).toBe(false);
  });

  it('keeps holes of the base that the cutters do not share', () => {
    const withHole: PolygonRings[] = [[...base[0], [[0.2, 0.2], [0.2, 0.4], [0.4, 0.4], [0.2, 0.2]]]];
    const [polygon] = subtractNodedCoverage(withHole, cutters, runs);
    expect(polygon).toHaveLength(2);
    expect(ringSignedArea(polygon[1])).toBeLessThan(0);
  });

  it('splits the base when the cutter crosses it', () => {
    // A cutter band across the middle: two runs, one on each side.
    const band: PolygonRings[] = [[[[0.5, 0], [1.5, 0], [1.5, 2], [0.5, 2], [0.5, 0]]]];
    const split: PolygonRings[] = [[[[0, 0], [0.5, 0], [1.5, 0], [2, 0], [2, 2], [1.5, 2], [0.5, 2], [0, 2], [0, 0]]]];
    const bandRuns: LonLat[][] = [
      [[1.5, 0], [1.5, 2]],
      [[0.5, 2], [0.5, 0]],
    ];
    const out = subtractNodedCoverage(split, band, bandRuns);
    expect(out.map((p) => ringSignedArea(p[0])).sort()).toEqual([1, 1]);
  });

  it('refuses data that is not noded', () => {
    expect(() => subtractNodedCoverage(base, cutters, [[[2, 1], [1.2, 1], [1, 0]]])).not.toThrow();
    expect(() => subtractNodedCoverage(base, cutters, [[[2, 1], [1, 1]]])).toThrow(/open chain/);
  });
});
