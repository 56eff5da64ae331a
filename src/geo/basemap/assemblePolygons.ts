import type { LonLat } from '../LonLat.ts';
import { pointInRing } from './PolygonSet.ts';
import { ringSignedArea } from './ringArea.ts';
import type { PolygonRings, Ring } from './Ring.ts';

/** How far inside a hole its test point is placed, in degrees (about 1 cm). */
const NUDGE = 1e-7;

/** A point just inside a clockwise ring: the midpoint of its longest edge, nudged to the right. */
function pointInsideHole(hole: Ring): LonLat {
  let best = 0;
  let bestLength = -1;
  for (let i = 0; i + 1 < hole.length; i++) {
    const length = Math.hypot(hole[i + 1][0] - hole[i][0], hole[i + 1][1] - hole[i][1]);
    if (length > bestLength) {
      best = i;
      bestLength = length;
    }
  }
  const [x0, y0] = hole[best];
  const [x1, y1] = hole[best + 1];
  return [(x0 + x1) / 2 + ((y1 - y0) / bestLength) * NUDGE, (y0 + y1) / 2 - ((x1 - x0) / bestLength) * NUDGE];
}

/**
 * Groups rings into polygons by winding: counter-clockwise rings are outers, clockwise rings are
 * holes and go to the smallest outer that contains them. Holes that fit no outer and rings
 * without area are dropped. Output order follows the outers' input order.
 */
export function assemblePolygons(rings: readonly Ring[]): PolygonRings[] {
  const outers = rings.filter((ring) => ringSignedArea(ring) > 0);
  const polygons: PolygonRings[] = outers.map((ring) => [ring]);
  const areas = outers.map(ringSignedArea);
  for (const hole of rings.filter((ring) => ringSignedArea(ring) < 0)) {
    const [x, y] = pointInsideHole(hole);
    let owner = -1;
    outers.forEach((outer, i) => {
      if ((owner < 0 || areas[i] < areas[owner]) && pointInRing(outer, x, y)) owner = i;
    });
    if (owner >= 0) polygons[owner].push(hole);
  }
  return polygons;
}
