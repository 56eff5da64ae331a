import type { BBox } from '../BBox.ts';
import type { PolygonRings, Ring } from './Ring.ts';

interface IndexedRing {
  ring: Ring;
  box: BBox;
}

function ringBox(ring: Ring): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

function inBox(box: BBox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Even-odd crossing test of one ring; points exactly on an edge may go either way. */
export function pointInRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A set of polygons (with holes) answering "is this point on land?" quickly: each ring keeps its
 * bounding box so that the crossing test only runs on rings that could contain the point.
 */
export class PolygonSet {
  private readonly polygons: IndexedRing[][];

  /** Indexes the polygons; they are read, not copied. */
  constructor(polygons: readonly PolygonRings[]) {
    this.polygons = polygons.map((rings) => rings.map((ring) => ({ ring, box: ringBox(ring) })));
  }

  /** Whether the point lies inside some polygon's outer ring and outside that polygon's holes. */
  contains(x: number, y: number): boolean {
    for (const [outer, ...holes] of this.polygons) {
      if (!inBox(outer.box, x, y) || !pointInRing(outer.ring, x, y)) continue;
      if (!holes.some((hole) => inBox(hole.box, x, y) && pointInRing(hole.ring, x, y))) return true;
    }
    return false;
  }
}
