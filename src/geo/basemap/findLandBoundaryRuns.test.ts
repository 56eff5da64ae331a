import { describe, expect, it } from 'vitest';
import { findLandBoundaryRuns } from './findLandBoundaryRuns.ts';
import type { Ring } from './Ring.ts';

// Territory: the unit square with a vertex in the middle of its north edge.
const square: Ring = [[0, 0], [1, 0], [1, 1], [0.5, 1], [0, 1], [0, 0]];

describe('findLandBoundaryRuns', () => {
  it('returns the edges with neighbour land outside them', () => {
    const northIsLand = (_x: number, y: number): boolean => y > 1;
    expect(findLandBoundaryRuns(square, northIsLand, 0.01)).toEqual([[[1, 1], [0.5, 1], [0, 1]]]);
  });

  it('works on a clockwise ring and returns counter-clockwise runs', () => {
    const northIsLand = (_x: number, y: number): boolean => y > 1;
    const clockwise = [...square].reverse();
    expect(findLandBoundaryRuns(clockwise, northIsLand, 0.01)).toEqual([[[1, 1], [0.5, 1], [0, 1]]]);
  });

  it('joins a run that wraps around the ring start', () => {
    const westOrSouth = (x: number, y: number): boolean => x < 0 || y < 0;
    expect(findLandBoundaryRuns(square, westOrSouth, 0.01)).toEqual([[[0, 1], [0, 0], [1, 0]]]);
  });

  it('finds separate runs, nothing for an island, and the whole ring for an enclave', () => {
    const eastAndWest = (x: number): boolean => x < 0 || x > 1;
    expect(findLandBoundaryRuns(square, eastAndWest, 0.01)).toEqual([
      [[1, 0], [1, 1]],
      [[0, 1], [0, 0]],
    ]);
    expect(findLandBoundaryRuns(square, () => false, 0.01)).toEqual([]);
    expect(findLandBoundaryRuns(square, () => true, 0.01)).toEqual([square]);
  });
});
