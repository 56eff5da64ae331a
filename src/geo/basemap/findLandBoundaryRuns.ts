import type { LonLat } from '../LonLat.ts';
import { counterClockwise } from './ringArea.ts';
import type { Ring } from './Ring.ts';

/**
 * Finds the parts of a territory's outline that are land boundaries rather than coastline.
 *
 * Each edge of the ring (wound counter-clockwise, so the outside is on the right) is probed at
 * its midpoint, `probe` degrees outwards: the edge is a land boundary when the probe lands on the
 * neighbour's land. This works whether the neighbour's polygon stops at the boundary or (as in
 * the OSM country polygons, where China's polygon also covers Hong Kong and Macao) runs on under
 * the territory: along a coast the probe falls into the sea either way.
 *
 * Returns the runs of consecutive boundary edges as open polylines in counter-clockwise order of
 * the territory; a territory bordered by land all round gives one closed run.
 */
export function findLandBoundaryRuns(ring: Ring, isNeighbourLand: (lon: number, lat: number) => boolean, probe: number): LonLat[][] {
  const points = counterClockwise(ring);
  const edgeCount = points.length - 1;
  const isBoundary: boolean[] = [];
  for (let i = 0; i < edgeCount; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (length === 0) {
      isBoundary.push(false);
      continue;
    }
    const probeX = (x0 + x1) / 2 + ((y1 - y0) / length) * probe;
    const probeY = (y0 + y1) / 2 - ((x1 - x0) / length) * probe;
    isBoundary.push(isNeighbourLand(probeX, probeY));
  }
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
