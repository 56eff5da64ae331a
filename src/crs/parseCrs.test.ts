import { describe, expect, it } from 'vitest';
import { parseCrs } from './parseCrs.ts';

describe('parseCrs', () => {
  it.each([
    ['WGS84', 'EPSG:4326'],
    ['wgs 84', 'EPSG:4326'],
    ['WGS-84', 'EPSG:4326'],
    ['EPSG:4326', 'EPSG:4326'],
    ['epsg:4326', 'EPSG:4326'],
    ['4326', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['CGCS2000', 'EPSG:4326'],
    ['EPSG:4490', 'EPSG:4326'],
    ['GCJ02', 'GCJ02'],
    ['GCJ-02', 'GCJ02'],
    ['gcj_02', 'GCJ02'],
    ['火星坐标', 'GCJ02'],
    ['EPSG:2326', 'EPSG:2326'],
    ['2326', 'EPSG:2326'],
    ['HK1980', 'EPSG:2326'],
    ['hk80', 'EPSG:2326'],
    ['Hong Kong 1980 Grid', 'EPSG:2326'],
    ['urn:ogc:def:crs:EPSG::2326', 'EPSG:2326'],
    ['EPSG:8433', 'EPSG:8433'],
    ['Macao Grid', 'EPSG:8433'],
    ['Macau Grid', 'EPSG:8433'],
    ['Macao 1920 / Macao Grid', 'EPSG:8433'],
    ['  EPSG:8433  ', 'EPSG:8433'],
  ])('%s -> %s', (text, expected) => {
    expect(parseCrs(text)).toBe(expected);
  });

  it.each(['', 'BD09', 'EPSG:3857', 'EPSG:', 'urn:ogc:def:crs:OGC:1.3:WHATEVER', '__proto__', 'constructor', 'Macao 1920'])(
    'refuses %j',
    (text) => {
      expect(parseCrs(text)).toBeNull();
    },
  );
});
