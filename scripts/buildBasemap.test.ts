import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BasemapCollection, LandFeature } from '../src/geo/basemap/BasemapFeature.ts';
import { BASEMAP_DEFAULTS, BASEMAP_SIZE_BUDGET, type CountryLandFeature } from '../src/geo/basemap/buildBasemap.ts';
import { PolygonSet } from '../src/geo/basemap/PolygonSet.ts';
import { ringAreaKm2 } from '../src/geo/basemap/ringArea.ts';
import type { LonLat } from '../src/geo/LonLat.ts';
import { basemapSize, BASEMAP_OUTPUT_PATH, COUNTRIES_PACKAGE_DIR, readCountryFeatures, renderBasemap } from './buildBasemap.ts';

const sourceFile = resolve(COUNTRIES_PACKAGE_DIR, 'map.geo.json');

function feature(a3: string): string {
  return JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { A3: a3 } });
}

/** The rings of a source feature, whatever its geometry type. */
function sourceRings({ geometry }: CountryLandFeature): number[][][] {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(1);
}

function landPolygons(basemap: BasemapCollection): LonLat[][][] {
  return basemap.features.filter((f): f is LandFeature => f.properties.layer === 'land').flatMap((f) => f.geometry.coordinates);
}

function landPositions(basemap: BasemapCollection): LonLat[] {
  return landPolygons(basemap).flat(2);
}

/** Distance from p to segment a–b, degrees (plain Euclidean: only compared with a tiny bound). */
function segmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Whether b lies on the straight line from a to c, in exact arithmetic on the source's 1e-5° grid. */
function collinear(a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  const [ax, ay, bx, by, cx, cy] = [a[0], a[1], b[0], b[1], c[0], c[1]].map((v) => Math.round(v * 1e5));
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) === 0;
}

describe('buildBasemap', () => {
  it('reads only the wanted countries, one feature per line or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidegate-basemap-'));
    try {
      const perLine = join(dir, 'lines.json');
      writeFileSync(perLine, `{"type":"FeatureCollection", "features": [\n${['FRA', 'HKG', 'CHN'].map(feature).join(',\n')}\n]}\n`);
      expect(readCountryFeatures(perLine).map((f) => f.properties?.A3)).toEqual(['HKG', 'CHN']);
      const oneLine = join(dir, 'one.json');
      writeFileSync(oneLine, `{"type":"FeatureCollection","features":[${['MAC', 'FRA'].map(feature).join(',')}]}`);
      expect(readCountryFeatures(oneLine).map((f) => f.properties?.A3)).toEqual(['MAC']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('measures the size raw and gzipped', () => {
    const text = '{"a":[1,2,3]}\n'.repeat(1000);
    const size = basemapSize(text);
    expect(size.rawBytes).toBe(14_000);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.rawBytes / 20);
  });

  // These read the 168 MB source (a few seconds, once), but they keep the committed file honest.
  describe.skipIf(!existsSync(sourceFile))('from the source package', () => {
    let rendered: { text: string; basemap: BasemapCollection; source: CountryLandFeature[] } | null = null;
    const build = (): NonNullable<typeof rendered> => {
      if (!rendered) {
        const text = renderBasemap();
        rendered = { text, basemap: JSON.parse(text) as BasemapCollection, source: readCountryFeatures(sourceFile) };
      }
      return rendered;
    };

    it('reproduces the committed gbaBasemap.json byte for byte', () => {
      expect(build().text).toBe(readFileSync(BASEMAP_OUTPUT_PATH, 'utf8'));
    }, 120_000);

    it('stays within the size budget, raw and gzipped', () => {
      const size = basemapSize(build().text);
      expect(size.rawBytes).toBeLessThanOrEqual(BASEMAP_SIZE_BUDGET.rawBytes);
      expect(size.gzipBytes).toBeLessThanOrEqual(BASEMAP_SIZE_BUDGET.gzipBytes);
    }, 120_000);

    it('keeps every source vertex inside the clip box, but those merged away or in dropped specks', () => {
      const { basemap, source } = build();
      const [west, south, east, north] = BASEMAP_DEFAULTS.clipBox;
      const kept = new Set(landPositions(basemap).map((p) => p.join(',')));
      const land = new PolygonSet(landPolygons(basemap));
      let inside = 0;
      const lost: number[][] = [];
      for (const f of source) {
        for (const ring of sourceRings(f)) {
          // Rings are closed: index 0 and n - 1 are the same vertex.
          const n = ring.length - 1;
          for (let i = 0; i < n; i++) {
            const [x, y] = ring[i];
            if (!(x > west && x < east && y > south && y < north)) continue;
            inside++;
            if (kept.has(`${x},${y}`)) continue;
            // Merged: a point on a straight edge, or a corner of a filled hole or of a speck that
            // overlaps other land; or dropped with a Mainland speck under the size threshold.
            if (collinear(ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]) || land.contains(x, y)) continue;
            if (f.properties?.A3 === 'CHN' && ringAreaKm2(ring as LonLat[]) < BASEMAP_DEFAULTS.minIslandKm2) continue;
            lost.push([x, y]);
          }
        }
      }
      expect(inside).toBeGreaterThan(20_000);
      // Where two source polygons overlap, the union can leave a sliver under the speck threshold
      // beside the land that is kept; its corners go with it. Nothing farther away may go.
      const keptList = [...kept].map((key) => key.split(',').map(Number));
      const far = lost.filter(([x, y]) => !keptList.some(([u, v]) => Math.abs(u - x) < 0.002 && Math.abs(v - y) < 0.002));
      expect(far.map((p) => p.join(','))).toEqual([]);
      expect(lost.length).toBeLessThan(10);
    }, 120_000);

    it('moves nothing: every new position is a corner of the clip box or lies on a source edge, at most 6 decimals', () => {
      const { basemap, source } = build();
      const [west, south, east, north] = BASEMAP_DEFAULTS.clipBox;
      const sourceKeys = new Set(source.flatMap((f) => sourceRings(f).flat(1).map((p) => `${p[0]},${p[1]}`)));
      const added = [...new Map(landPositions(basemap).map((p) => [p.join(','), p])).values()].filter((p) => !sourceKeys.has(p.join(',')));
      // The clip box's cuts, and a few crossings of overlapping source polygons.
      expect(added.length).toBeGreaterThan(0);
      expect(added.length).toBeLessThan(200);
      const edges = source.flatMap((f) => sourceRings(f).flatMap((ring) => ring.slice(1).map((b, i) => [ring[i], b] as const)));
      const corners = new Set([`${west},${south}`, `${east},${south}`, `${east},${north}`, `${west},${north}`]);
      for (const p of added.filter((q) => !corners.has(q.join(',')))) {
        expect(p.map((v) => Math.round(v * 1e6) / 1e6), 'rounded to 1e-6°').toEqual(p);
        const near = edges.filter(([a, b]) => [0, 1].every((k) => p[k] >= Math.min(a[k], b[k]) - 1e-6 && p[k] <= Math.max(a[k], b[k]) + 1e-6));
        const nearest = Math.min(...near.map(([a, b]) => segmentDistance(p, a, b)));
        expect(nearest, `${p.join(',')} off every source edge`).toBeLessThanOrEqual(1e-6);
      }
    }, 120_000);
  });
});
