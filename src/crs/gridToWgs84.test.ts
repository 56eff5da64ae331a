import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridToWgs84, isInGridArea, MACAO_1920_TO_WGS84, wgs84ToGrid } from './gridToWgs84.ts';
import { molodenskyBadekasToHelmert } from './molodenskyBadekasToHelmert.ts';

function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const dx = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k) * 6371008.8;
  const dy = (lat2 - lat1) * k * 6371008.8;
  return Math.hypot(dx, dy);
}

describe('Hong Kong 1980 Grid (EPSG:2326)', () => {
  it('matches the Lands Department online converter (published worked pair)', () => {
    // HK1980 Grid N 820351.389 E 832591.320 -> WGS84 22.322172084N 114.141187917E, the answer of
    // www.geodetic.gov.hk's conversion tool quoted in the CRAN HK80 package documentation.
    const p = gridToWgs84('EPSG:2326', 832591.32, 820351.389);
    expect(metres(p.lon, p.lat, 114.141187917, 22.322172084)).toBeLessThan(0.05);
  });

  // ImmD control points (CSDI): HK80 easting/northing from the record, WGS-84 geometry rounded to
  // 4 decimals in gba-geography.json (so up to ~8 m of rounding).
  const CONTROL_POINTS: [string, number, number, number, number][] = [
    ['HZMB', 813004.67, 819917.64, 113.9511, 22.3181],
    ['Shenzhen Bay', 812452.4, 839377.2, 113.9454, 22.4938],
    ['Lok Ma Chau', 825689.57, 841084.04, 114.0741, 22.5094],
    ['Lok Ma Chau Spur Line', 824820.25, 841700.93, 114.0656, 22.5149],
    ['Lo Wu', 829765.29, 843308.47, 114.1137, 22.5295],
    ['Man Kam To', 831321.81, 844187.12, 114.1288, 22.5374],
    ['Heung Yuen Wai', 833895.53, 845834.25, 114.1538, 22.5523],
    ['Sha Tau Kok', 841042.42, 845483.55, 114.2233, 22.5491],
    ['West Kowloon', 835018, 818413.6, 114.1647, 22.3047],
  ];

  it.each(CONTROL_POINTS)('places the %s control point on its published position', (_name, e, n, lon, lat) => {
    const p = gridToWgs84('EPSG:2326', e, n);
    expect(metres(p.lon, p.lat, lon, lat)).toBeLessThan(8);
  });

  it('puts the grid origin near 22.3121333N 114.1785556E, shifted by the datum change', () => {
    const p = gridToWgs84('EPSG:2326', 836694.05, 819069.8);
    const shift = metres(p.lon, p.lat, 114.1785556, 22.3121333);
    // HK1980 -> WGS-84 moves points by a few hundred metres (about 250 m here).
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(400);
  });

  it('round-trips grid -> WGS-84 -> grid to a millimetre', () => {
    fc.assert(
      fc.property(fc.double({ min: 800000, max: 870000, noNaN: true }), fc.double({ min: 800000, max: 848000, noNaN: true }), (e, n) => {
        const p = gridToWgs84('EPSG:2326', e, n);
        const g = wgs84ToGrid('EPSG:2326', p.lon, p.lat);
        expect(Math.hypot(g.easting - e, g.northing - n)).toBeLessThan(0.001);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Macao Grid (EPSG:8433)', () => {
  // Printed Macau-grid crosses converted with PROJ's EPSG:8433 -> EPSG:4326 via EPSG:8438
  // (7-decimal values published in the mini-macau project's DSCC map registration).
  const CROSSES: [number, number, number, number][] = [
    [19000, 20500, 113.529775, 22.2157188],
    [19000, 19000, 113.5297693, 22.2021727],
    [23000, 16500, 113.5685455, 22.1795769],
    [25000, 17000, 113.5879421, 22.1840795],
    [21000, 11000, 113.5491251, 22.1299178],
    [25000, 9000, 113.5878822, 22.1118328],
  ];

  it.each(CROSSES)('converts grid E%d N%d as PROJ does (EPSG:8438)', (e, n, lon, lat) => {
    const p = gridToWgs84('EPSG:8433', e, n);
    expect(metres(p.lon, p.lat, lon, lat)).toBeLessThan(0.05);
  });

  it('puts the grid origin near 22°12′44.63″N 113°32′11.29″E, shifted by the datum change', () => {
    const p = gridToWgs84('EPSG:8433', 20000, 20000);
    const shift = metres(p.lon, p.lat, 113 + 32 / 60 + 11.29 / 3600, 22 + 12 / 60 + 44.63 / 3600);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(450);
  });

  it('round-trips grid -> WGS-84 -> grid to a few centimetres', () => {
    fc.assert(
      fc.property(fc.double({ min: 14000, max: 30000, noNaN: true }), fc.double({ min: 2000, max: 24000, noNaN: true }), (e, n) => {
        const p = gridToWgs84('EPSG:8433', e, n);
        const g = wgs84ToGrid('EPSG:8433', p.lon, p.lat);
        // proj4js reverses a Helmert by negating its parameters, which is only first-order exact;
        // with Macao's 76″ rotations that leaves about 2 cm.
        expect(Math.hypot(g.easting - e, g.northing - n)).toBeLessThan(0.05);
      }),
      { numRuns: 300 },
    );
  });

  it('folds the Molodensky-Badekas pivot into an equivalent Helmert exactly', () => {
    // Apply the EPSG:8438 formula directly in geocentric space and compare with the Helmert.
    const mb = MACAO_1920_TO_WGS84;
    const h = molodenskyBadekasToHelmert(mb);
    const s = Math.PI / 180 / 3600;
    const x = [-2361000, 5418000, 2391000];
    const d = [x[0] - mb.px, x[1] - mb.py, x[2] - mb.pz];
    const m = 1 + mb.ppm * 1e-6;
    const [rx, ry, rz] = [mb.rx * s, mb.ry * s, mb.rz * s];
    const expected = [
      mb.px + mb.tx + m * (d[0] + rz * d[1] - ry * d[2]),
      mb.py + mb.ty + m * (-rz * d[0] + d[1] + rx * d[2]),
      mb.pz + mb.tz + m * (ry * d[0] - rx * d[1] + d[2]),
    ];
    const [hrx, hry, hrz] = [h[3] * s, h[4] * s, h[5] * s];
    const viaHelmert = [
      h[0] + m * (x[0] - hrz * x[1] + hry * x[2]),
      h[1] + m * (hrz * x[0] + x[1] - hrx * x[2]),
      h[2] + m * (-hry * x[0] + hrx * x[1] + x[2]),
    ];
    for (let i = 0; i < 3; i++) expect(viaHelmert[i]).toBeCloseTo(expected[i], 6);
  });
});

describe('isInGridArea', () => {
  it('accepts the area of use plus a margin and refuses far points', () => {
    expect(isInGridArea('EPSG:2326', 114.1, 22.3)).toBe(true);
    expect(isInGridArea('EPSG:2326', 113.26, 23.13)).toBe(false);
    expect(isInGridArea('EPSG:8433', 113.55, 22.15)).toBe(true);
    expect(isInGridArea('EPSG:8433', 114.1, 22.3)).toBe(false);
  });
});
