import type { CrsId } from './CrsId.ts';

const BY_EPSG_CODE = new Map<string, CrsId>(Object.entries({
  '4326': 'EPSG:4326',
  // CGCS2000 differs from WGS-84 by centimetres to decimetres; PROJ itself only offers a no-op.
  '4490': 'EPSG:4326',
  '2326': 'EPSG:2326',
  '8433': 'EPSG:8433',
}) as [string, CrsId][]);

// Keys are upper case with spaces, '-', '_', '/' and '.' removed.
const BY_NAME = new Map<string, CrsId>(Object.entries({
  WGS84: 'EPSG:4326',
  CRS84: 'EPSG:4326',
  CGCS2000: 'EPSG:4326',
  GCJ02: 'GCJ02',
  GCJ: 'GCJ02',
  MARS: 'GCJ02',
  火星坐标: 'GCJ02',
  火星坐標: 'GCJ02',
  国测局坐标: 'GCJ02',
  國測局坐標: 'GCJ02',
  HK1980: 'EPSG:2326',
  HK80: 'EPSG:2326',
  HK1980GRID: 'EPSG:2326',
  HK80GRID: 'EPSG:2326',
  HONGKONG1980GRID: 'EPSG:2326',
  HONGKONG1980GRIDSYSTEM: 'EPSG:2326',
  MACAOGRID: 'EPSG:8433',
  MACAUGRID: 'EPSG:8433',
  MACAO1920MACAOGRID: 'EPSG:8433',
  MACAU1920MACAUGRID: 'EPSG:8433',
}) as [string, CrsId][]);

function compact(text: string): string {
  let out = '';
  const upper = text.normalize('NFKC').toUpperCase();
  for (let i = 0; i < upper.length; i++) {
    const c = upper[i];
    if (c === ' ' || c === '-' || c === '_' || c === '/' || c === '.' || c === '\t') continue;
    out += c;
  }
  return out;
}

/** Returns the EPSG code of `EPSG:n`, `EPSG::n`, `EPSGn`, `urn:ogc:def:crs:EPSG:[version]:n` or bare digits. */
function epsgCode(key: string): string | null {
  const colon = key.lastIndexOf(':');
  let digits: string;
  if (colon === -1) digits = key.startsWith('EPSG') ? key.slice(4) : key;
  else if (key.lastIndexOf('EPSG', colon) !== -1) digits = key.slice(colon + 1);
  else return null;
  if (digits.length === 0) return null;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return digits;
}

/**
 * Parses a coordinate-system name as written in a feed (`WGS84`, `EPSG:4326`, `4326`,
 * `GCJ-02`, `HK1980`, `EPSG:2326`, `Macao Grid`, `EPSG:8433`, OGC URNs, …), case-insensitively.
 * Returns null for anything unsupported (including BD-09 and other EPSG codes).
 */
export function parseCrs(text: string): CrsId | null {
  const key = compact(text);
  if (key.length === 0) return null;
  const named = BY_NAME.get(key);
  if (named !== undefined) return named;
  // OGC URNs and URLs for lon/lat-ordered WGS-84, e.g. urn:ogc:def:crs:OGC:1.3:CRS84.
  if (key.endsWith('CRS84')) return 'EPSG:4326';
  const code = epsgCode(key);
  return code === null ? null : (BY_EPSG_CODE.get(code) ?? null);
}
