import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, isOutsideGcj02Area, wgs84ToGcj02 } from './gcj02.ts';

/** Ground distance in metres between two nearby points (equirectangular; fine below 1 km). */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const dx = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k) * 6371008.8;
  const dy = (lat2 - lat1) * k * 6371008.8;
  return Math.hypot(dx, dy);
}

// WGS-84 -> GCJ-02 offsets per city from /work/shared/reference/gba-geography.json (crs_notes,
// computed with the standard a = 6378245 variant) at the file's city points; 5-decimal values.
const CITY_OFFSETS: [string, number, number, number, number][] = [
  ['Guangzhou', 113.26, 23.13, 0.00533, -0.00268],
  ['Shenzhen', 114.0596, 22.5415, 0.00512, -0.00271],
  ['Zhuhai', 113.5719, 22.2742, 0.00505, -0.00301],
  ['Foshan', 113.1167, 23.0167, 0.00549, -0.00255],
  ['Huizhou', 114.4, 23.0667, 0.00498, -0.00251],
  ['Dongguan', 113.752, 23.021, 0.00519, -0.00272],
  ['Zhongshan', 113.35, 22.533, 0.00543, -0.00274],
  ['Jiangmen', 113.081, 22.579, 0.00545, -0.00269],
  ['Zhaoqing', 112.467, 23.05, 0.00525, -0.00262],
  ['Hong Kong', 114.2, 22.3, 0.00489, -0.0028],
  ['Macao', 113.55, 22.1667, 0.00509, -0.00294],
];

const GBA_BOX = { minLon: 111.3567, minLat: 21.45, maxLon: 115.4667, maxLat: 24.3921 };

describe('wgs84ToGcj02', () => {
  it.each(CITY_OFFSETS)('matches the published offset at %s', (_city, lon, lat, dLon, dLat) => {
    const g = wgs84ToGcj02(lon, lat);
    expect(g.lon - lon).toBeCloseTo(dLon, 5);
    expect(g.lat - lat).toBeCloseTo(dLat, 5);
  });

  it('shifts the whole bay by 540–650 m', () => {
    for (let lon = GBA_BOX.minLon; lon <= GBA_BOX.maxLon; lon += 0.25) {
      for (let lat = GBA_BOX.minLat; lat <= GBA_BOX.maxLat; lat += 0.25) {
        const g = wgs84ToGcj02(lon, lat);
        const d = metres(lon, lat, g.lon, g.lat);
        expect(d).toBeGreaterThan(540);
        expect(d).toBeLessThan(650);
      }
    }
  });

  it('is the identity outside China', () => {
    expect(isOutsideGcj02Area(151.2, -33.9)).toBe(true);
    expect(wgs84ToGcj02(151.2, -33.9)).toEqual({ lon: 151.2, lat: -33.9 });
    expect(gcj02ToWgs84(-0.1276, 51.5072)).toEqual({ lon: -0.1276, lat: 51.5072 });
  });
});

describe('gcj02ToWgs84', () => {
  it('inverts the forward map to well within 0.5 m across the GBA box', () => {
    fc.assert(
      fc.property(
        fc.double({ min: GBA_BOX.minLon, max: GBA_BOX.maxLon, noNaN: true }),
        fc.double({ min: GBA_BOX.minLat, max: GBA_BOX.maxLat, noNaN: true }),
        (lon, lat) => {
          const w = gcj02ToWgs84(lon, lat);
          const back = wgs84ToGcj02(w.lon, w.lat);
          expect(metres(lon, lat, back.lon, back.lat)).toBeLessThan(0.001);
          // And the inverse really moved the point: GCJ-02 -> WGS-84 is the ~600 m shift back.
          expect(metres(lon, lat, w.lon, w.lat)).toBeGreaterThan(500);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('recovers WGS-84 points on a dense grid (inverse(forward(p)) within 0.5 m)', () => {
    let worst = 0;
    for (let lon = GBA_BOX.minLon; lon <= GBA_BOX.maxLon; lon += 0.05) {
      for (let lat = GBA_BOX.minLat; lat <= GBA_BOX.maxLat; lat += 0.05) {
        const g = wgs84ToGcj02(lon, lat);
        const w = gcj02ToWgs84(g.lon, g.lat);
        worst = Math.max(worst, metres(lon, lat, w.lon, w.lat));
      }
    }
    expect(worst).toBeLessThan(0.5);
  });
});
