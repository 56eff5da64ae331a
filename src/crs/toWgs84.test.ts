import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from './gcj02.ts';
import { toWgs84 } from './toWgs84.ts';

describe('toWgs84', () => {
  it('passes WGS-84 through', () => {
    expect(toWgs84('EPSG:4326', 113.5, 22.2)).toEqual({ lon: 113.5, lat: 22.2 });
  });

  it('inverts GCJ-02', () => {
    const g = wgs84ToGcj02(113.5489, 22.2186);
    const w = toWgs84('GCJ02', g.lon, g.lat);
    expect(w.lon).toBeCloseTo(113.5489, 8);
    expect(w.lat).toBeCloseTo(22.2186, 8);
  });

  it('converts both grids (easting first)', () => {
    const hk = toWgs84('EPSG:2326', 832591.32, 820351.389);
    expect(hk.lon).toBeCloseTo(114.141188, 5);
    expect(hk.lat).toBeCloseTo(22.322172, 5);
    const mo = toWgs84('EPSG:8433', 19000, 19000);
    expect(mo.lon).toBeCloseTo(113.5297693, 6);
    expect(mo.lat).toBeCloseTo(22.2021727, 6);
  });

  it('returns NaN rather than throwing for unusable grid input', () => {
    const p = toWgs84('EPSG:2326', Number.POSITIVE_INFINITY, 1);
    expect(Number.isNaN(p.lon) || Number.isFinite(p.lon)).toBe(true);
  });
});
