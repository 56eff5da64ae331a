import type { LonLat } from '../LonLat.ts';

/** Squared distance from p to the segment a–b, longitudes multiplied by lonScale first. */
function segmentDistanceSq(p: LonLat, a: LonLat, b: LonLat, lonScale: number): number {
  const px = p[0] * lonScale;
  const ax = a[0] * lonScale;
  const bx = b[0] * lonScale;
  const dx = bx - ax;
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq === 0 ? 0 : ((px - ax) * dx + (p[1] - a[1]) * dy) / lengthSq;
  t = Math.max(0, Math.min(1, t));
  const ex = px - (ax + t * dx);
  const ey = p[1] - (a[1] + t * dy);
  return ex * ex + ey * ey;
}

/**
 * Douglas–Peucker simplification of an open polyline. Keeps both ends and every vertex that lies
 * farther than `tolerance` (degrees of latitude) from the simplified line. `lonScale` (usually
 * the cosine of the latitude) makes the tolerance isotropic on the ground.
 */
export function simplifyPolyline(points: readonly LonLat[], tolerance: number, lonScale = 1): LonLat[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const toleranceSq = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestSq = toleranceSq;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(points[i], points[first], points[last], lonScale);
      if (d > farthestSq) {
        farthest = i;
        farthestSq = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

function compare(a: LonLat, b: LonLat): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Simplifies an arc so that the same arc walked in either direction gives the same vertices:
 * it is always simplified from its lexicographically smaller end. Shared boundaries between two
 * polygons therefore stay identical, leaving no slivers or gaps.
 */
export function simplifyArc(points: readonly LonLat[], tolerance: number, lonScale = 1): LonLat[] {
  const n = points.length;
  let order = compare(points[0], points[n - 1]);
  for (let i = 1; order === 0 && i < n - 1 - i; i++) order = compare(points[i], points[n - 1 - i]);
  if (order <= 0) return simplifyPolyline(points, tolerance, lonScale);
  return simplifyPolyline([...points].reverse(), tolerance, lonScale).reverse();
}
