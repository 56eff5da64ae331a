import proj4, { type Converter } from 'proj4';
import type { GridCrsId } from './CrsId.ts';
import type { LonLat } from './LonLat.ts';
import { molodenskyBadekasToHelmert } from './molodenskyBadekasToHelmert.ts';

function dms(degrees: number, minutes: number, seconds: number): number {
  return degrees + minutes / 60 + seconds / 3600;
}

/**
 * Hong Kong 1980 Grid (EPSG:2326): Transverse Mercator on International 1924, origin
 * 22°18′43.68″N 114°10′42.80″E, k = 1, FE 836 694.05 m, FN 819 069.80 m. Datum shift EPSG:1825
 * "Hong Kong 1980 to WGS 84 (1)" (Lands Department, ±1 m): a coordinate-frame rotation with
 * rotations (−0.067753″, 2.243648″, 1.158828″), written here with the opposite signs because
 * `+towgs84` uses the position-vector convention. This reproduces the Lands Department's online
 * converter to the millimetre (see gridToWgs84.test.ts).
 */
export const HK1980_GRID_PROJ4 =
  `+proj=tmerc +lat_0=${dms(22, 18, 43.68)} +lon_0=${dms(114, 10, 42.8)} +k=1 +x_0=836694.05 +y_0=819069.8 ` +
  '+ellps=intl +towgs84=-162.619,-276.959,-161.764,0.067753,-2.243648,-1.158828,-1.094246 +units=m +no_defs';

/**
 * EPSG:8438 "Macao 1920 to WGS 84 (1)" (±1 m), a Molodensky-Badekas transformation derived from
 * the DSCC's Macao 2008 ↔ Macao 1920 parameters (EPSG:8435, reversed).
 */
export const MACAO_1920_TO_WGS84 = {
  tx: -202.865,
  ty: -303.99,
  tz: -155.873,
  rx: -34.079,
  ry: 76.126,
  rz: 32.66,
  ppm: 6.096,
  px: -2361554.788,
  py: 5417536.177,
  pz: 2391608.926,
} as const;

/**
 * Macao 1920 / Macao Grid (EPSG:8433): Transverse Mercator on the International (Hayford)
 * ellipsoid, origin 22°12′44.63″N 113°32′11.29″E, k = 1, FE = FN = 20 000 m (DSCC), with
 * EPSG:8438 rewritten as an equivalent position-vector Helmert for proj4js.
 */
export const MACAO_GRID_PROJ4 =
  `+proj=tmerc +lat_0=${dms(22, 12, 44.63)} +lon_0=${dms(113, 32, 11.29)} +k=1 +x_0=20000 +y_0=20000 ` +
  `+ellps=intl +towgs84=${molodenskyBadekasToHelmert(MACAO_1920_TO_WGS84).join(',')} +units=m +no_defs`;

/** EPSG area of use of each grid as [minLon, minLat, maxLon, maxLat] (WGS-84). */
export const GRID_AREAS: Record<GridCrsId, readonly [number, number, number, number]> = {
  'EPSG:2326': [113.76, 22.13, 114.51, 22.58],
  'EPSG:8433': [113.52, 22.06, 113.68, 22.23],
};

/** How far (degrees) outside its area of use a converted grid point may fall and still be accepted. */
export const GRID_AREA_MARGIN_DEG = 0.25;

const converters: Partial<Record<GridCrsId, Converter>> = {};

function converterFor(crs: GridCrsId): Converter {
  let converter = converters[crs];
  if (converter === undefined) {
    converter = proj4(crs === 'EPSG:2326' ? HK1980_GRID_PROJ4 : MACAO_GRID_PROJ4, 'WGS84');
    converters[crs] = converter;
  }
  return converter;
}

/**
 * Writes the WGS-84 position of grid point (`easting`, `northing`) into `out`; both come out NaN
 * when the projection cannot invert the point.
 */
export function gridToWgs84Into(crs: GridCrsId, easting: number, northing: number, out: LonLat): LonLat {
  let lon = Number.NaN;
  let lat = Number.NaN;
  try {
    const p = converterFor(crs).forward([easting, northing]);
    lon = p[0];
    lat = p[1];
  } catch {
    // proj4 throws on some far-out inputs; NaN tells the caller the point is unusable.
  }
  out.lon = Number.isFinite(lon) ? lon : Number.NaN;
  out.lat = Number.isFinite(lat) ? lat : Number.NaN;
  return out;
}

/** WGS-84 position of a Hong Kong 1980 Grid or Macao Grid point. */
export function gridToWgs84(crs: GridCrsId, easting: number, northing: number): LonLat {
  return gridToWgs84Into(crs, easting, northing, { lon: 0, lat: 0 });
}

/** Grid easting/northing of a WGS-84 point (the inverse of gridToWgs84). */
export function wgs84ToGrid(crs: GridCrsId, lon: number, lat: number): { easting: number; northing: number } {
  const p = converterFor(crs).inverse([lon, lat]);
  return { easting: p[0], northing: p[1] };
}

/** True when a WGS-84 point lies within the grid's area of use, widened by GRID_AREA_MARGIN_DEG. */
export function isInGridArea(crs: GridCrsId, lon: number, lat: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = GRID_AREAS[crs];
  const m = GRID_AREA_MARGIN_DEG;
  return lon >= minLon - m && lon <= maxLon + m && lat >= minLat - m && lat <= maxLat + m;
}
