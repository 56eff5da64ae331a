import { describe, expect, it } from 'vitest';
import { createFeedParser } from './createFeedParser.ts';
import { appendBatch, emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { FeedFormat, FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

const locateReference: FeedParserOptions['locateReference'] = (kind, id) => (kind === 'site' && id === 'lo_wu' ? { lon: 114.1137, lat: 22.5295 } : null);

/** Runs the streaming parser over `pieces` and merges the batches. */
function streamed(format: FeedFormat, pieces: Uint8Array[]): FeedBatch {
  const parser = createFeedParser({ format, locateReference, feedSource: 'feed' });
  const total = emptyBatch();
  for (const piece of pieces) appendBatch(total, parser.push(piece));
  return appendBatch(total, parser.end());
}

function cutAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of offsets) {
    pieces.push(bytes.slice(from, at));
    from = at;
  }
  pieces.push(bytes.slice(from));
  return pieces;
}

const CSV = [
  '\uFEFF编号;來源;時間;經度;緯度;類別;描述;links',
  '甲1;HKCED;2026-03-01 10:00;114.1;22.3;毒品;"第一行\r\n第二行; ""引号"""',
  '甲2;;2026-03-01T10:00:00Z;;;香煙;"no position"',
  '',
  '甲3;MOCS;2026-02-30 09:00;113.55;22.15;tobacco;x',
  '甲4;;1772330400000;;;走私貨物;site fallback 😀;GACC-GD:甲1',
  '甲5;;2026-03-01 10:00;114.1;22.3;無此類;"unterminated\r\n',
].join('\r\n');

const NDJSON = [
  '{"id":"ü1","time":"2026-03-01 10:00","lon":114.1,"lat":22.3,"category":"貨幣","description":"€ and 😀"}',
  '',
  '{"id":"ü2","time":"bad","lon":114.1,"lat":22.3,"category":"currency"}',
  '{broken',
  '{"id":"ü3","time":1772330400000,"site":"LO_WU","category":"其他"}',
].join('\r\n');

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'g1', geometry: { type: 'Point', coordinates: [114.1, 22.3] }, properties: { time: '2026-03-01 10:00', category: '槍支彈藥', description: '澳門 😀' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
  ],
});

describe('createFeedParser chunking', () => {
  it.each<[FeedFormat, string]>([
    ['csv', CSV],
    ['ndjson', NDJSON],
    ['geojson', GEOJSON],
  ])('gives the one-shot result for every split of a small %s file', (format, text) => {
    const bytes = new TextEncoder().encode(text);
    const expected = parseFeedText(bytes, { format, locateReference, feedSource: 'feed' });
    expect(expected.rowsIn).toBeGreaterThan(1);
    expect(expected.rejections.length).toBeGreaterThan(0);
    expect(expected.records.length + expected.rejections.length).toBe(expected.rowsIn);
    // The string path agrees with the byte path.
    expect(parseFeedText(text, { format, locateReference, feedSource: 'feed' })).toEqual(expected);
    for (let at = 0; at <= bytes.length; at++) expect(streamed(format, cutAt(bytes, at))).toEqual(expected);
    for (let at = 1; at < bytes.length - 1; at += 7) expect(streamed(format, cutAt(bytes, at, at + 1, at + 3))).toEqual(expected);
    expect(streamed(format, Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(expected);
  });

  it('returns the rows completed by each chunk', () => {
    const bytes = new TextEncoder().encode('id,source,time,lon,lat,category\nA,B,2026-03-01 10:00,114,22,other\nC,D,2026-03-01 10:00,114,22,other\n');
    const parser = createFeedParser({ format: 'csv', locateReference });
    const split = bytes.indexOf(10, 40) + 5;
    expect(parser.push(bytes.slice(0, split)).rowsIn).toBe(1);
    expect(parser.push(bytes.slice(split)).rowsIn).toBe(1);
    expect(parser.end().rowsIn).toBe(0);
    expect(() => parser.push(bytes)).toThrow(Error);
  });
});

describe('createFeedParser refuses unreadable files', () => {
  function code(format: FeedFormat, pieces: Uint8Array[]): string {
    try {
      streamed(format, pieces);
    } catch (error) {
      expect(error).toBeInstanceOf(FeedReadError);
      return (error as FeedReadError).code;
    }
    return 'accepted';
  }

  const prefixes: Record<FeedFormat, string> = {
    csv: 'id,source,time,lon,lat,category\n',
    ndjson: '{"id":"a"}\n',
    geojson: '{"type":"FeatureCollection","features":[]',
  };

  it.each<FeedFormat>(['csv', 'ndjson', 'geojson'])('invalid UTF-8 in a %s file', (format) => {
    const header = new TextEncoder().encode(prefixes[format]);
    expect(code(format, [Uint8Array.of(0xff, 0xfe, 0x41)])).toBe('encoding');
    expect(code(format, [header, Uint8Array.of(0x41, 0xc3, 0x28)])).toBe('encoding');
    // A multi-byte character cut off at the very end.
    expect(code(format, [header, Uint8Array.of(0xe6, 0xaf)])).toBe('encoding');
    // Overlong encoding and lone surrogate.
    expect(code(format, [header, Uint8Array.of(0xc0, 0xaf)])).toBe('encoding');
    expect(code(format, [header, Uint8Array.of(0xed, 0xa0, 0x80)])).toBe('encoding');
  });

  it('names UTF-16', () => {
    const utf16 = Uint8Array.of(0xff, 0xfe, 0x69, 0, 0x64, 0);
    expect(() => streamed('csv', [utf16])).toThrow(/UTF-16/);
    expect(() => streamed('csv', [utf16.slice(0, 1), utf16.slice(1)])).toThrow(/UTF-16/);
  });

  it.each<FeedFormat>(['csv', 'ndjson', 'geojson'])('an empty or binary %s file', (format) => {
    expect(code(format, [])).toBe('empty');
    expect(code(format, [new Uint8Array(0)])).toBe('empty');
    expect(code(format, [Uint8Array.of(0xef, 0xbb, 0xbf)])).toBe('empty');
    expect(code(format, [Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)])).toBe('binary');
  });
});
