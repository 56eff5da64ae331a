import { EARTH_RADIUS_KM } from '../distanceKm.ts';

/** Plain geometry of docs/risk-model.md §3–4, on the model's sphere. */

const RADIANS = Math.PI / 180;
const KM_PER_DEGREE = EARTH_RADIUS_KM * RADIANS;

/** Great-circle distance between two WGS-84 points on the model's sphere, km (haversine). */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinHalfLat = Math.sin(((lat2 - lat1) * RADIANS) / 2);
  const sinHalfLon = Math.sin(((lon2 - lon1) * RADIANS) / 2);
  const h = sinHalfLat * sinHalfLat + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * sinHalfLon * sinHalfLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance from a point to the segment a–b, km, in a local equirectangular frame centred on the
 * point: x = Δlon · KM_PER_DEGREE · cos(lat of the point), y = Δlat · KM_PER_DEGREE.
 */
export function localSegmentKm(lon: number, lat: number, aLon: number, aLat: number, bLon: number, bLat: number): number {
  const kx = KM_PER_DEGREE * Math.cos(lat * RADIANS);
  const ax = (aLon - lon) * kx;
  const ay = (aLat - lat) * KM_PER_DEGREE;
  const dx = (bLon - lon) * kx - ax;
  const dy = (bLat - lat) * KM_PER_DEGREE - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : -(ax * dx + ay * dy) / lengthSquared;
  if (t < 0) t = 0;
  if (t > 1) t = 1;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Whether (lon, lat) lies inside a ring of `[lon, lat]` vertices by the even-odd rule. */
export function insideRing(ring: readonly (readonly [number, number])[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    if (y1 > lat !== y2 > lat && lon < x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
  }
  return inside;
}
