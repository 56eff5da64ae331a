import { describe, expect, it } from 'vitest';
import type { LonLat } from '../LonLat.ts';
import { findLandBoundaryRuns } from './findLandBoundaryRuns.ts';
import type { Ring } from './Ring.ts';

// Territory: the unit square with a vertex in the middle of its north edge.
const square: Ring = [[0, 0], [1, 0], [1, 1], [0.5, 1], [0, 1], [0, 0]];

/** Edge test for edges whose both ends satisfy `side`. */
function edgesWhere(side: (p: LonLat) => boolean): (a: LonLat, b: LonLat) => boolean {
  return (a, b) => side(a) && side(b);
}

describe('findLandBoundaryRuns', () => {
  it('returns the edges the neighbour shares', () => {
    expect(findLandBoundaryRuns(square, edgesWhere(([, y]) => y === 1))).toEqual([[[1, 1], [0.5, 1], [0, 1]]]);
  });

  it('works on a clockwise ring and returns counter-clockwise runs', () => {
    const clockwise = [...square].reverse();
    expect(findLandBoundaryRuns(clockwise, edgesWhere(([, y]) => y === 1))).toEqual([[[1, 1], [0.5, 1], [0, 1]]]);
  });

  it('joins a run that wraps around the ring start', () => {
    expect(findLandBoundaryRuns(square, edgesWhere(([x, y]) => x === 0 || y === 0))).toEqual([[[0, 1], [0, 0], [1, 0]]]);
  });

  it('finds separate runs, nothing for an island, and the whole ring for an enclave', () => {
    expect(findLandBoundaryRuns(square, (a, b) => a[0] === b[0])).toEqual([
      [[1, 0], [1, 1]],
      [[0, 1], [0, 0]],
    ]);
    expect(findLandBoundaryRuns(square, () => false)).toEqual([]);
    expect(findLandBoundaryRuns(square, () => true)).toEqual([square]);
  });
});
