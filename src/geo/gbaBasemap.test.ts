import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BasemapCollection, BoundaryFeature, ControlLineFeature, LandFeature } from './basemap/BasemapFeature.ts';
import { BASEMAP_SIZE_BUDGET } from './basemap/buildBasemap.ts';
import { findSegmentConflicts } from './basemap/findSegmentConflicts.ts';
import { pointInRing, PolygonSet } from './basemap/PolygonSet.ts';
import { PORT_ZOOM_PLACES } from './basemap/portZoomProbes.ts';
import { ringSignedArea } from './basemap/ringArea.ts';
import { bboxContains } from './BBox.ts';
import basemapJson from './data/gbaBasemap.json';
import type { LonLat } from './LonLat.ts';
import { siteById } from './referenceGeography.ts';

const basemap = basemapJson as unknown as BasemapCollection;
const fileUrl = new URL('./data/gbaBasemap.json', import.meta.url);

const land = basemap.features.filter((f): f is LandFeature => f.properties.layer === 'land');
const boundaries = basemap.features.filter((f): f is BoundaryFeature => f.properties.layer === 'boundary');
const controlLines = basemap.features.filter((f): f is ControlLineFeature => f.properties.layer === 'control_line');

function landOf(jurisdiction: string): PolygonSet {
  return new PolygonSet(land.find((f) => f.properties.jurisdiction === jurisdiction)?.geometry.coordinates ?? []);
}

function allPositions(): LonLat[] {
  return basemap.features.flatMap((f): LonLat[] =>
    f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : f.geometry.coordinates,
  );
}

function crosses(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const side = (p: LonLat, q: LonLat, r: LonLat): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) !== side(a, b, d) && side(c, d, a) !== side(c, d, b);
}

/** Every land ring with its jurisdiction, polygon and place in the polygon (0 = outer). */
function landRings(): { jurisdiction: string; polygon: number; position: number; ring: LonLat[] }[] {
  return land.flatMap((f) =>
    f.geometry.coordinates.flatMap((rings, polygon) => rings.map((ring, position) => ({ jurisdiction: f.properties.jurisdiction, polygon, position, ring }))),
  );
}

function undirectedKey(a: LonLat, b: LonLat): string {
  const [p, q] = [a.join(','), b.join(',')].sort();
  return `${p}|${q}`;
}

function edgeKeys(jurisdiction: string): Set<string> {
  const keys = new Set<string>();
  for (const { ring } of landRings().filter((r) => r.jurisdiction === jurisdiction)) {
    for (let i = 0; i + 1 < ring.length; i++) keys.add(undirectedKey(ring[i], ring[i + 1]));
  }
  return keys;
}

/** Ground distance from p to the segment a–b, metres, on a plane scaled at one latitude. */
function segmentMetres(p: LonLat, a: LonLat, b: LonLat, lonScale: number): number {
  const [px, ax, bx] = [p[0], a[0], b[0]].map((x) => x * lonScale);
  const dx = bx - ax;
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(px - ax - t * dx, p[1] - a[1] - t * dy) * 111_320;
}

function sitePosition(id: string): LonLat {
  const site = siteById(id);
  if (!site) throw new Error(`no site ${id}`);
  return [site.lon, site.lat];
}

describe('gbaBasemap.json', () => {
  it('stays within its raw size budget', () => {
    expect(statSync(fileUrl).size).toBeLessThanOrEqual(BASEMAP_SIZE_BUDGET.rawBytes);
  });

  it('has land for all three jurisdictions, once each', () => {
    expect(land.map((f) => f.properties.jurisdiction).sort()).toEqual(['Hong Kong', 'Macao', 'Mainland']);
    for (const f of land) expect(f.geometry.coordinates.length, f.properties.jurisdiction).toBeGreaterThan(0);
  });

  it('has land boundaries with Hong Kong and with Macao', () => {
    const pairs = boundaries.map((f) => f.properties.between);
    expect(pairs).toContain('Mainland|Hong Kong');
    expect(pairs).toContain('Mainland|Macao');
    for (const f of boundaries) expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
  });

  it('has both Hengqin lines', () => {
    expect(controlLines.map((f) => f.properties.line).sort()).toEqual(['first', 'second']);
    for (const f of controlLines) {
      expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(f.properties.note.length).toBeGreaterThan(0);
    }
    const first = controlLines.find((f) => f.properties.line === 'first') as ControlLineFeature;
    const second = controlLines.find((f) => f.properties.line === 'second') as ControlLineFeature;
    // The lines meet where the Maliuzhou waterway joins the channel facing Macao.
    expect(second.geometry.coordinates.at(-1)).toEqual(first.geometry.coordinates.at(-1));
  });

  it('puts the first line between Hengqin Port and Cotai', () => {
    const first = controlLines.find((f) => f.properties.line === 'first') as ControlLineFeature;
    const hengqin = sitePosition('hengqin_port');
    const cotaiEnd: LonLat = [113.553, 22.14];
    const line = first.geometry.coordinates;
    expect(line.slice(1).some((p, i) => crosses(hengqin, cotaiEnd, line[i], p))).toBe(true);
  });

  it('keeps every coordinate inside the clip box, at 6 decimals at most', () => {
    expect(basemap.metadata.decimals).toBe(6);
    for (const [lon, lat] of allPositions()) {
      expect(bboxContains(basemap.bbox, lon, lat), `${lon},${lat}`).toBe(true);
      expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
      expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
    }
  });

  it('has closed rings, outers counter-clockwise and holes clockwise', () => {
    for (const f of land) {
      for (const [outer, ...holes] of f.geometry.coordinates) {
        for (const ring of [outer, ...holes]) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
        expect(ringSignedArea(outer)).toBeGreaterThan(0);
        for (const hole of holes) expect(ringSignedArea(hole)).toBeLessThan(0);
      }
    }
  });

  it('has simple rings that cross nothing and meet only along shared boundaries', () => {
    // Exact integer arithmetic: the positions have 6 decimals, and products of differences across
    // the 9° clip box stay under 2^53.
    const rings = landRings();
    const grid = rings.map(({ ring }) => ring.map(([lon, lat]): LonLat => [Math.round(lon * 1e6), Math.round(lat * 1e6)]));
    const started = performance.now();
    const conflicts = findSegmentConflicts(grid, {
      // Land boundaries: an edge of Hong Kong or Macao is also an edge of the Mainland.
      mayShareEdge: (a, b) => rings[a].jurisdiction !== rings[b].jurisdiction,
      // Distinct rings may meet at a common vertex (e.g. at the ends of a land boundary), never cross.
      mayTouchAt: (a, b) => a !== b,
    });
    expect(performance.now() - started).toBeLessThan(2000);
    const described = conflicts.slice(0, 5).map(({ kind, a, at }) => `${kind} in ${rings[a.ring].jurisdiction} at ${at.map((v) => v / 1e6).join(',')}`);
    expect(described).toEqual([]);
  });

  it('has every hole inside its outer ring', () => {
    for (const f of land) {
      for (const [outer, ...holes] of f.geometry.coordinates) {
        const onOuter = new Set(outer.map((p) => p.join(',')));
        for (const hole of holes) {
          const probe = hole.find((p) => !onOuter.has(p.join(','))) as LonLat;
          expect(pointInRing(outer, probe[0], probe[1]), `${f.properties.jurisdiction} hole at ${probe.join(',')}`).toBe(true);
        }
      }
    }
  });

  it('leaves the estuary, the harbours and the bays as water', () => {
    const water: [string, LonLat][] = [
      ['Lingdingyang, Macao–Lantau', [113.75, 22.35]],
      ['Lingdingyang, off Shekou', [113.8, 22.5]],
      ['Lingdingyang, off Humen', [113.7, 22.6]],
      ['Victoria Harbour', [114.17, 22.29]],
      ['Deep Bay (Shenzhen Bay)', [113.95, 22.48]],
    ];
    const sets = [landOf('Mainland'), landOf('Hong Kong'), landOf('Macao')];
    for (const [name, [lon, lat]] of water) expect(sets.some((set) => set.contains(lon, lat)), name).toBe(false);
  });

  it('draws each land boundary along edges that both sides have', () => {
    const mainland = edgeKeys('Mainland');
    const sides = { 'Mainland|Hong Kong': edgeKeys('Hong Kong'), 'Mainland|Macao': edgeKeys('Macao') };
    for (const { properties, geometry } of boundaries) {
      const line = geometry.coordinates;
      for (let i = 0; i + 1 < line.length; i++) {
        const key = undirectedKey(line[i], line[i + 1]);
        expect(mainland.has(key) && sides[properties.between].has(key), `${properties.between} edge ${key}`).toBe(true);
      }
    }
  });

  it('assigns places to the right jurisdiction and no place to two', () => {
    const places: [string, LonLat, string][] = [
      ['Kowloon', [114.17, 22.33], 'Hong Kong'],
      ['Kowloon (Mong Kok)', [114.18, 22.32], 'Hong Kong'],
      ['Sha Tin', [114.19, 22.38], 'Hong Kong'],
      ['Lantau', [113.95, 22.26], 'Hong Kong'],
      ['Shenzhen Futian', [114.06, 22.55], 'Mainland'],
      ['Guangzhou', [113.26, 23.13], 'Mainland'],
      ['Macao peninsula', [113.545, 22.195], 'Macao'],
      ['Cotai', [113.565, 22.14], 'Macao'],
      ['Hengqin', [113.51, 22.12], 'Mainland'],
      ['Hengqin, facing Cotai', [113.53, 22.12], 'Mainland'],
    ];
    const sets = { Mainland: landOf('Mainland'), 'Hong Kong': landOf('Hong Kong'), Macao: landOf('Macao') };
    for (const [name, [lon, lat], expected] of places) {
      const inside = Object.entries(sets).filter(([, set]) => set.contains(lon, lat)).map(([j]) => j);
      expect(inside, name).toEqual([expected]);
    }
  });

  it('shows the reclaimed land and the water the port-zoom probes name, well clear of coast and lines', () => {
    const sets = { Mainland: landOf('Mainland'), 'Hong Kong': landOf('Hong Kong'), Macao: landOf('Macao') };
    const lonScale = Math.cos((22.3 * Math.PI) / 180);
    const metresTo = (p: LonLat, lines: LonLat[][]): number => {
      let best = Infinity;
      for (const line of lines) for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, segmentMetres(p, line[i], line[i + 1], lonScale));
      return best;
    };
    const coasts = landRings().map(({ ring }) => ring);
    const drawnLines = [...boundaries, ...controlLines].map((f) => f.geometry.coordinates);
    for (const place of PORT_ZOOM_PLACES) {
      for (const { name, position, expected } of place.probes) {
        const inside = Object.entries(sets).filter(([, set]) => set.contains(position[0], position[1])).map(([j]) => j);
        expect(inside, `${place.id}: ${name}`).toEqual(expected === null ? [] : [expected]);
        if (expected !== null) expect(metresTo(position, coasts), `${place.id}: ${name} from the coast`).toBeGreaterThanOrEqual(150);
        expect(metresTo(position, drawnLines), `${place.id}: ${name} from boundaries and control lines`).toBeGreaterThanOrEqual(100);
      }
    }
  });

  it('draws the boundary between the two sides of the land crossings', () => {
    // Not Lok Ma Chau/Huanggang: the Huanggang point (an infobox value) lies about 100 m on the
    // Hong Kong side of the source polygons' boundary, whose vertices lie 100 m to 2 km apart.
    const pairs: [string, string, string][] = [
      ['lo_wu_control_point', 'luohu_port', 'Mainland|Hong Kong'],
      ['lok_ma_chau_spur_line_control_point', 'futian_port', 'Mainland|Hong Kong'],
      ['macao_border_gate', 'gongbei_port', 'Mainland|Macao'],
    ];
    for (const [a, b, between] of pairs) {
      const [p, q] = [sitePosition(a), sitePosition(b)];
      const hit = boundaries
        .filter((f) => f.properties.between === between)
        .some(({ geometry: { coordinates: line } }) => line.slice(1).some((r, i) => crosses(p, q, line[i], r)));
      expect(hit, `${a} → ${b}`).toBe(true);
    }
  });

  it('carries its attribution', () => {
    expect(basemap.metadata.attribution).toMatch(/OpenStreetMap/);
    expect(basemap.metadata.source).toMatch(/countries-land-10m/);
  });
});
