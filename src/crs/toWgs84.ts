import { isGridCrs, type CrsId } from './CrsId.ts';
import { gcj02ToWgs84Into } from './gcj02.ts';
import { gridToWgs84Into } from './gridToWgs84.ts';
import type { LonLat } from './LonLat.ts';

/**
 * Writes the WGS-84 position of (`a`, `b`) in `crs` into `out`: `a`/`b` are lon/lat degrees for
 * EPSG:4326 and GCJ02, easting/northing metres for EPSG:2326 and EPSG:8433. Allocation-free for
 * hot loops; NaN results mean the point could not be converted.
 */
export function toWgs84Into(crs: CrsId, a: number, b: number, out: LonLat): LonLat {
  if (crs === 'EPSG:4326') {
    out.lon = a;
    out.lat = b;
    return out;
  }
  if (crs === 'GCJ02') return gcj02ToWgs84Into(a, b, out);
  if (isGridCrs(crs)) return gridToWgs84Into(crs, a, b, out);
  throw new RangeError(`Unsupported CRS ${String(crs)}`);
}

/**
 * WGS-84 position of (`a`, `b`) in `crs`: lon/lat degrees for EPSG:4326 and GCJ02,
 * easting/northing metres for EPSG:2326 (HK1980 Grid) and EPSG:8433 (Macao Grid).
 */
export function toWgs84(crs: CrsId, a: number, b: number): LonLat {
  return toWgs84Into(crs, a, b, { lon: 0, lat: 0 });
}
