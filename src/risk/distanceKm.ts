/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Length of one degree of latitude (and of longitude at the equator) on that sphere, km. */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

const RAD = Math.PI / 180;

/** Great-circle distance between two WGS-84 points, km (haversine on the mean sphere). */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return haversineKm(lon1, lat1, Math.cos(lat1 * RAD), lon2, lat2, Math.cos(lat2 * RAD));
}

/**
 * distanceKm with the cosines of both latitudes (radians) given, for callers that measure one
 * point against many: the same arithmetic, so the same result to the last bit.
 */
export function haversineKm(lon1: number, lat1: number, cosLat1: number, lon2: number, lat2: number, cosLat2: number): number {
  const sinHalfDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinHalfDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * sinHalfDLon * sinHalfDLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Cosine of a latitude in degrees, as haversineKm takes it. */
export function cosLatitude(lat: number): number {
  return Math.cos(lat * RAD);
}

/**
 * Distance from a point to the segment a–b, km, in a local equirectangular frame centred on the
 * point. Good to well under a metre at the few-kilometre radii the engine uses.
 */
export function distanceToSegmentKm(
  lon: number,
  lat: number,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
): number {
  return scaledDistanceToSegmentKm(lon, lat, KM_PER_DEGREE * Math.cos(lat * RAD), aLon, aLat, bLon, bLat);
}

/**
 * distanceToSegmentKm with the frame's km per degree of longitude, `KM_PER_DEGREE · cos(lat)`,
 * given: the same arithmetic, for callers that measure one point against many segments.
 */
export function scaledDistanceToSegmentKm(
  lon: number,
  lat: number,
  kx: number,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
): number {
  const ax = (aLon - lon) * kx;
  const ay = (aLat - lat) * KM_PER_DEGREE;
  const dx = (bLon - lon) * kx - ax;
  const dy = (bLat - lat) * KM_PER_DEGREE - ay;
  const lengthSquared = dx * dx + dy * dy;
  // Parameter of the foot of the perpendicular from the origin, clamped onto the segment.
  let s = lengthSquared > 0 ? -(ax * dx + ay * dy) / lengthSquared : 0;
  if (s < 0) s = 0;
  else if (s > 1) s = 1;
  const px = ax + s * dx;
  const py = ay + s * dy;
  return Math.sqrt(px * px + py * py);
}
