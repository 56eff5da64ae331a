import { describe, expect, it } from 'vitest';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

const options: FeedParserOptions = { format: 'geojson', locateReference: (kind, id) => (kind === 'site' && id === 'hkia' ? { lon: 113.9144, lat: 22.3089 } : null) };
const props = { source: 'HKCED', time: '2026-03-01T10:00:00+08:00', category: 'counterfeit' };

function collection(features: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}

function point(id: string, coordinates: unknown, properties: Record<string, unknown> = {}) {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: { ...props, ...properties } };
}

describe('GeoJSON feeds', () => {
  it('reads Point features, locating rows by feature index', () => {
    const result = parseFeedText(
      collection([
        point('a', [114.1, 22.3]),
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'b', ...props } },
        point('c', [114.1]),
        'not a feature',
        { type: 'Point', coordinates: [1, 2] },
        point('d', [114.1, 22.3, 5], { id: 'own-id' }),
        point('e', [0, 0]),
      ]),
      options,
    );
    expect(result.records.map((r) => [r.id, r.lon, r.lat])).toEqual([
      ['a', 114.1, 22.3],
      ['own-id', 114.1, 22.3],
    ]);
    expect(result.rejections.map((r) => [r.location, r.field])).toEqual([
      [{ feature: 1 }, 'geometry'],
      [{ feature: 2 }, 'geometry'],
      [{ feature: 3 }, 'row'],
      [{ feature: 4 }, 'row'],
      [{ feature: 6 }, 'lon'],
    ]);
    expect(result.rejections[0].reason).toContain("'Polygon', not a Point");
    expect(result.rowsIn).toBe(7);
  });

  it('allows a null geometry when a site gives the position', () => {
    const result = parseFeedText(
      collection([
        { type: 'Feature', geometry: null, properties: { id: 'a', site: 'hkia', ...props } },
        { type: 'Feature', geometry: null, properties: { id: 'b', ...props } },
      ]),
      options,
    );
    expect(result.records[0]).toMatchObject({ id: 'a', lon: 113.9144, site: 'hkia' });
    expect(result.rejections[0]).toMatchObject({ location: { feature: 1 }, field: 'lon' });
  });

  it('reads Point coordinates in the row crs, the legacy document crs, or the feed crs', () => {
    const hk = [832591.32, 820351.389];
    const byRow = parseFeedText(collection([point('a', hk, { crs: 'EPSG:2326' })]), options);
    const byDocument = parseFeedText(collection([point('a', hk)], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2326' } } }), options);
    const byFeed = parseFeedText(collection([point('a', hk)]), { ...options, feedCrs: 'HK1980' });
    for (const result of [byRow, byDocument, byFeed]) {
      expect(result.records[0].lon).toBeCloseTo(114.141188, 5);
      expect(result.records[0].lat).toBeCloseTo(22.322172, 5);
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['{"type":"FeatureCollection","features":[', 'format'],
    ['{"type":"Feature","geometry":null,"properties":{}}', 'format'],
    ['{"type":"FeatureCollection"}', 'format'],
    ['[1,2,3]', 'format'],
    ['id,time\n1,2', 'format'],
    ['{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}', 'format'],
    ['{"type":"FeatureCollection","features":[]}\0', 'binary'],
  ])('refuses %j as a whole (%s)', (text, code) => {
    let error: unknown;
    try {
      parseFeedText(text, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedReadError);
    expect((error as FeedReadError).code).toBe(code);
  });

  it('reads an empty collection', () => {
    expect(parseFeedText(collection([]), options)).toEqual({ records: [], rejections: [], warnings: [], rowsIn: 0 });
  });
});
