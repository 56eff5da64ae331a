/**
 * GCJ-02 ("Mars coordinates"), the obfuscated WGS-84 of mainland-China map services.
 *
 * Forward: the public reverse-engineered formula (Krasovsky semi-major axis a = 6378245 m,
 * e² = 0.00669342162296594323, polynomial-plus-sine offsets around 105°E 35°N), applied only
 * inside the rough China rectangle the algorithm uses. Inverse: fixed-point iteration on the
 * forward formula, converged to far below a millimetre.
 */

import type { LonLat } from './LonLat.ts';

const A = 6378245.0;
// Krasovsky e² as published (0.00669342162296594323), at double precision.
const EE = 0.006693421622965943;
const DEG = Math.PI / 180;

/** True outside the rectangle in which the published algorithm shifts coordinates. */
export function isOutsideGcj02Area(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function latitudeOffset(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y / 30) * Math.PI)) * 2) / 3;
  return r;
}

function longitudeOffset(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** Writes the GCJ-02 position of WGS-84 (`lon`, `lat`) into `out` and returns it. */
export function wgs84ToGcj02Into(lon: number, lat: number, out: LonLat): LonLat {
  if (isOutsideGcj02Area(lon, lat)) {
    out.lon = lon;
    out.lat = lat;
    return out;
  }
  const x = lon - 105;
  const y = lat - 35;
  const sinLat = Math.sin(lat * DEG);
  const w = 1 - EE * sinLat * sinLat;
  const sqrtW = Math.sqrt(w);
  // Offsets are in metres on the Krasovsky ellipsoid; divide by the meridian / parallel radii.
  const dLat = (latitudeOffset(x, y) * 180) / (((A * (1 - EE)) / (w * sqrtW)) * Math.PI);
  const dLon = (longitudeOffset(x, y) * 180) / ((A / sqrtW) * Math.cos(lat * DEG) * Math.PI);
  out.lon = lon + dLon;
  out.lat = lat + dLat;
  return out;
}

/** GCJ-02 position of a WGS-84 point (identity outside the algorithm's China rectangle). */
export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  return wgs84ToGcj02Into(lon, lat, { lon: 0, lat: 0 });
}

const MAX_ITERATIONS = 30;
// 1e-10 degrees is about 0.01 mm: far inside the 0.5 m requirement, reached in a few steps.
const TOLERANCE_DEG = 1e-10;

/**
 * Writes the WGS-84 position whose GCJ-02 image is (`lon`, `lat`) into `out` and returns it.
 * The forward map is a small smooth offset, so x ← x − (f(x) − target) converges quickly.
 */
export function gcj02ToWgs84Into(lon: number, lat: number, out: LonLat): LonLat {
  let wLon = lon;
  let wLat = lat;
  const probe: LonLat = { lon: 0, lat: 0 };
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    wgs84ToGcj02Into(wLon, wLat, probe);
    const eLon = probe.lon - lon;
    const eLat = probe.lat - lat;
    wLon -= eLon;
    wLat -= eLat;
    if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) break;
  }
  out.lon = wLon;
  out.lat = wLat;
  return out;
}

/** WGS-84 position of a GCJ-02 point, by iterative inversion of the forward formula. */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  return gcj02ToWgs84Into(lon, lat, { lon: 0, lat: 0 });
}
