import { describe, expect, it } from 'vitest';
import type { LonLat } from '../LonLat.ts';
import { findSegmentConflicts } from './findSegmentConflicts.ts';
import { PolygonSet } from './PolygonSet.ts';
import type { PolygonRings, Ring } from './Ring.ts';
import { simplifyCoverage } from './simplifyCoverage.ts';

const options = { tolerance: 0.1, lonScale: 1, decimals: 4 };

/** Unit square whose south coast bends up to (0.5, 0.05): a shallow bay, water below the coast. */
const bayLand: Ring = [[0, 0], [0.5, 0.05], [1, 0], [1, 1], [0, 1], [0, 0]];

function square(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

function allRings(layers: PolygonRings[][]): Ring[] {
  return layers.flat(2);
}

describe('simplifyCoverage', () => {
  it('simplifies a lone ring like Douglas–Peucker when nothing is in the way', () => {
    const { layers } = simplifyCoverage([[[bayLand]]], options);
    expect(layers[0][0][0]).not.toContainEqual([0.5, 0.05]);
    expect(layers[0][0][0]).toHaveLength(5);
  });

  it('keeps a coast vertex whose removal would cut through an island of another layer', () => {
    const island = square(0.4, -0.02, 0.6, 0.02);
    const { layers } = simplifyCoverage([[[bayLand]], [[island]]], options);
    expect(layers[0][0][0]).toContainEqual([0.5, 0.05]);
    expect(findSegmentConflicts(allRings(layers))).toEqual([]);
  });

  it('keeps a coast vertex whose removal would swallow an island whole', () => {
    const island = square(0.45, 0.01, 0.55, 0.03);
    const { layers } = simplifyCoverage([[[bayLand], [island]]], options);
    expect(layers[0][0][0]).toContainEqual([0.5, 0.05]);
    expect(new PolygonSet([layers[0][0]]).contains(0.5, 0.02)).toBe(false);
  });

  it('keeps a hole inside its outer ring', () => {
    // Land bulging south to (0.5, -0.05), with a lake in the bulge.
    const bulge: Ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    bulge.splice(1, 0, [0.5, -0.05]);
    const lake: Ring = [...square(0.45, -0.03, 0.55, -0.01)].reverse();
    const { layers } = simplifyCoverage([[[bulge, lake]]], options);
    const [outer, hole] = layers[0][0];
    expect(outer).toContainEqual([0.5, -0.05]);
    expect(hole).toBeDefined();
    expect(new PolygonSet([[outer]]).contains(0.5, -0.02)).toBe(true);
  });

  it('simplifies a shared boundary to the same vertices on both sides and in the boundary line', () => {
    const boundary: LonLat[] = [[1, 0], [1.01, 0.3], [0.99, 0.6], [1.005, 0.8], [1, 1]];
    const west: Ring = [[0, 0], ...boundary, [0, 1], [0, 0]];
    const east: Ring = [[2, 0], [2, 1], ...[...boundary].reverse(), [2, 0]];
    const coverage = simplifyCoverage([[[west]], [[east]]], { ...options, tolerance: 0.02 });
    const onBoundary = (ring: Ring): string[] => [...new Set(ring.filter(([x]) => x > 0.5 && x < 1.5).map(String))].sort();
    const [[[westOut]], [[eastOut]]] = coverage.layers;
    expect(onBoundary(westOut)).toEqual(onBoundary(eastOut));
    expect(onBoundary(westOut)).toEqual(coverage.simplifyLine(boundary).map(String).sort());
    expect(coverage.simplifyLine(boundary).length).toBeLessThan(boundary.length);
    expect(coverage.simplifyLine([...boundary].reverse())).toEqual(coverage.simplifyLine(boundary).reverse());
    expect(findSegmentConflicts(allRings(coverage.layers), { mayShareEdge: () => true, mayTouchAt: (a, b) => a !== b })).toEqual([]);
  });

  it('rounds to the grid and drops a ring that collapses there', () => {
    const speck = square(0.30001, 0.30001, 0.30003, 0.30003);
    const { layers, dropped } = simplifyCoverage([[[square(0, 0, 0.2, 0.2)], [speck]]], options);
    expect(dropped).toBe(1);
    expect(layers[0]).toEqual([[square(0, 0, 0.2, 0.2)]]);
  });

  it('refuses a line that does not follow the rings', () => {
    const coverage = simplifyCoverage([[[square(0, 0, 1, 1)]]], options);
    expect(() => coverage.simplifyLine([[0, 0], [0.5, 0.5]])).toThrow(/does not follow/);
  });
});
