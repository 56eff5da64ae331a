import type { LonLat } from '../LonLat.ts';
import { ringSignedArea } from './ringArea.ts';
import type { Ring } from './Ring.ts';
import { simplifyArc } from './simplifyPolyline.ts';

function distanceSq(a: LonLat, b: LonLat, lonScale: number): number {
  const dx = (a[0] - b[0]) * lonScale;
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

function farthestFrom(points: LonLat[], from: number, lonScale: number): number {
  let best = from;
  let bestSq = -1;
  points.forEach((p, i) => {
    const d = distanceSq(p, points[from], lonScale);
    if (d > bestSq) {
      best = i;
      bestSq = d;
    }
  });
  return best;
}

function smallestVertex(points: LonLat[]): number {
  let best = 0;
  points.forEach((p, i) => {
    if (p[0] < points[best][0] || (p[0] === points[best][0] && p[1] < points[best][1])) best = i;
  });
  return best;
}

/**
 * Simplifies a closed ring while keeping `pinned` vertices (junctions with neighbouring
 * polygons) in place: the ring is cut into arcs at the pins and each arc goes through
 * simplifyArc, so an arc shared with another ring simplifies identically in both. A ring without
 * pins is anchored at its smallest vertex and the vertex farthest from it. Returns null when the
 * ring collapses (fewer than three distinct vertices or no area left).
 */
export function simplifyRing(ring: Ring, tolerance: number, lonScale: number, pinned: (p: LonLat) => boolean): Ring | null {
  const points = ring.slice(0, -1);
  if (points.length < 3) return null;
  const pins = points.map((p, i) => (pinned(p) ? i : -1)).filter((i) => i >= 0);
  if (pins.length === 0) pins.push(smallestVertex(points));
  if (pins.length === 1) pins.push(farthestFrom(points, pins[0], lonScale));
  pins.sort((a, b) => a - b);
  const out: LonLat[] = [];
  for (let k = 0; k < pins.length; k++) {
    const from = pins[k];
    const to = pins[(k + 1) % pins.length];
    const arc = to > from ? points.slice(from, to + 1) : [...points.slice(from), ...points.slice(0, to + 1)];
    out.push(...simplifyArc(arc, tolerance, lonScale).slice(0, -1));
  }
  if (out.length < 3) return null;
  const closed: Ring = [...out, [out[0][0], out[0][1]]];
  return ringSignedArea(closed) === 0 ? null : closed;
}
