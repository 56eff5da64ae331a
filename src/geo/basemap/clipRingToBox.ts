import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import { ringSignedArea } from './ringArea.ts';
import type { Ring } from './Ring.ts';

/** Rings whose area falls below this many square degrees (about 1 m²) count as degenerate. */
const DEGENERATE_AREA = 1e-10;

type Side = (p: LonLat) => boolean;
type Cut = (a: LonLat, b: LonLat) => LonLat;

function cutAtX(x: number): Cut {
  return (a, b) => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}

function cutAtY(y: number): Cut {
  return (a, b) => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

/** One Sutherland–Hodgman pass: keeps the part of an open ring on the inside of one box edge. */
function clipAgainst(points: LonLat[], inside: Side, cut: Cut): LonLat[] {
  const out: LonLat[] = [];
  for (let i = 0; i < points.length; i++) {
    const current = points[i];
    const previous = points[(i + points.length - 1) % points.length];
    const currentIn = inside(current);
    if (currentIn !== inside(previous)) out.push(cut(previous, current));
    if (currentIn) out.push(current);
  }
  return out;
}

/**
 * Clips a closed ring to a rectangle with Sutherland–Hodgman. Returns the clipped closed ring, or
 * null when nothing (or only a degenerate sliver) remains. A concave ring cut into several pieces
 * comes back as one ring joined by zero-width runs along the box edges, which fills correctly
 * and lies on the box border, i.e. outside any view that stays inside the box.
 */
export function clipRingToBox(ring: Ring, box: BBox): Ring | null {
  const [minX, minY, maxX, maxY] = box;
  let points = ring.slice(0, -1);
  points = clipAgainst(points, (p) => p[0] >= minX, cutAtX(minX));
  points = clipAgainst(points, (p) => p[0] <= maxX, cutAtX(maxX));
  points = clipAgainst(points, (p) => p[1] >= minY, cutAtY(minY));
  points = clipAgainst(points, (p) => p[1] <= maxY, cutAtY(maxY));
  const deduped = points.filter((p, i) => {
    const q = points[(i + points.length - 1) % points.length];
    return points.length === 1 || p[0] !== q[0] || p[1] !== q[1];
  });
  if (deduped.length < 3) return null;
  const closed: Ring = [...deduped, [deduped[0][0], deduped[0][1]]];
  return Math.abs(ringSignedArea(closed)) < DEGENERATE_AREA ? null : closed;
}
