import type { LonLat } from '../LonLat.ts';
import { counterClockwise } from './ringArea.ts';
import type { Ring } from './Ring.ts';

/**
 * Finds the parts of a territory's outline that are land boundaries rather than coastline.
 *
 * `isBoundaryEdge` tells whether an edge of the ring is also an edge of the neighbour's land (in
 * either direction): after the neighbour has been cut out of a larger polygon with a robust
 * clipper, the two share their land boundary edge for edge, while along a coast they share none.
 *
 * Returns the runs of consecutive boundary edges as open polylines in counter-clockwise order of
 * the territory; a territory bordered by land all round gives one closed run.
 */
export function findLandBoundaryRuns(ring: Ring, isBoundaryEdge: (a: LonLat, b: LonLat) => boolean): LonLat[][] {
  const points = counterClockwise(ring);
  const edgeCount = points.length - 1;
  const isBoundary: boolean[] = [];
  for (let i = 0; i < edgeCount; i++) isBoundary.push(isBoundaryEdge(points[i], points[i + 1]));
  if (isBoundary.every(Boolean)) return [points.map((p): LonLat => [p[0], p[1]])];
  // Start scanning right after a coastal edge so that no run wraps around the ring's start.
  const start = (isBoundary.indexOf(false) + 1) % edgeCount;
  const runs: LonLat[][] = [];
  let run: LonLat[] | null = null;
  for (let k = 0; k < edgeCount; k++) {
    const i = (start + k) % edgeCount;
    if (!isBoundary[i]) {
      run = null;
      continue;
    }
    if (run === null) {
      run = [[points[i][0], points[i][1]]];
      runs.push(run);
    }
    run.push([points[i + 1][0], points[i + 1][1]]);
  }
  return runs;
}
