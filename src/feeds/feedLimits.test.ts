import { describe, expect, it, vi } from 'vitest';
import { createFeedParser } from './createFeedParser.ts';
import { appendBatch, emptyBatch, type FeedBatch } from './FeedBatch.ts';
import { MAX_JSON_DEPTH, MAX_ROW_CHARS, MAX_WARNINGS_PER_FIELD } from './feedLimits.ts';
import type { FeedFormat } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

// Megabyte rows, parsed in several chunkings: slow on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const locateReference = () => null;
const encoder = new TextEncoder();

/** Parses `text` in pieces of `chunkBytes` (whole when 0); a FeedReadError is returned, not thrown. */
function parse(format: FeedFormat, text: string, chunkBytes = 0): FeedBatch | FeedReadError {
  try {
    if (chunkBytes === 0) return parseFeedText(text, { format, locateReference });
    const bytes = encoder.encode(text);
    const parser = createFeedParser({ format, locateReference });
    const batch = emptyBatch();
    for (let at = 0; at < bytes.length; at += chunkBytes) appendBatch(batch, parser.push(bytes.subarray(at, at + chunkBytes)));
    return appendBatch(batch, parser.end());
  } catch (error) {
    if (error instanceof FeedReadError) return error;
    throw error;
  }
}

const ROW = { id: 'A', source: 'GD', time: '2026-03-01 10:00', lon: 113.5, lat: 22.5, category: 'other' };
const CSV_HEADER = 'id,source,time,lon,lat,category,description';
const CSV_PREFIX = 'A,GD,2026-03-01 10:00,113.5,22.5,other,';

/** A CSV row of exactly `length` characters; `quoted` puts the description in quotes with line breaks inside. */
function csvRow(length: number, quoted: boolean): string {
  if (!quoted) return CSV_PREFIX + 'x'.repeat(length - CSV_PREFIX.length);
  const body = 'x'.repeat(length - CSV_PREFIX.length - 5);
  return `${CSV_PREFIX}"\r\n${body}\n"`;
}

/** An NDJSON line of exactly `length` characters. */
function ndjsonLine(id: string, length: number): string {
  const bare = JSON.stringify({ ...ROW, id, description: '' });
  return JSON.stringify({ ...ROW, id, description: 'x'.repeat(length - bare.length) });
}

/** A GeoJSON Feature whose text is exactly `length` characters. */
function featureText(id: string, length: number): string {
  const feature = (description: string) => JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [113.5, 22.5] }, properties: { ...ROW, id, description } });
  return feature('x'.repeat(length - feature('').length));
}

const CHUNKINGS = [0, 65_536, 1_000_003];

describe('the row-length limit is exact', () => {
  describe.each(CHUNKINGS)('in pieces of %i bytes (0: whole)', (chunkBytes) => {
    it.each([
      ['LF', '\n', false],
      ['CRLF', '\r\n', false],
      ['lone CR', '\r', false],
      ['quoted line breaks', '\n', true],
    ] as const)('CSV with %s: a row of the limit is read, one more refuses the file', (_name, eol, quoted) => {
      for (const delta of [-1, 0, 1]) {
        const row = csvRow(MAX_ROW_CHARS + delta, quoted);
        expect(row.length).toBe(MAX_ROW_CHARS + delta);
        for (const tail of [eol, '']) {
          const result = parse('csv', `${CSV_HEADER}${eol}${row}${tail}`, chunkBytes);
          if (delta <= 0) {
            expect(result).not.toBeInstanceOf(FeedReadError);
            expect((result as FeedBatch).records).toHaveLength(1);
          } else {
            expect(result).toBeInstanceOf(FeedReadError);
            expect((result as FeedReadError).code).toBe('row-too-long');
          }
        }
      }
    });

    it('CSV: an over-long header refuses the file too', () => {
      const header = `${CSV_HEADER},${'h'.repeat(MAX_ROW_CHARS - CSV_HEADER.length)}`;
      const result = parse('csv', `\n \r\n${header}\n${CSV_PREFIX}\n`, chunkBytes);
      expect((result as FeedReadError).code).toBe('row-too-long');
      const fits = parse('csv', `\n \r\n${header.slice(0, -1)}\n${CSV_PREFIX}\n`, chunkBytes);
      expect((fits as FeedBatch).records).toHaveLength(1);
    });

    it.each(['\n', '\r\n'])('NDJSON (line break %j): a line of the limit is read, one more is rejected and the next line read', (eol) => {
      for (const delta of [-1, 0, 1]) {
        const line = ndjsonLine('B', MAX_ROW_CHARS + delta);
        expect(line.length).toBe(MAX_ROW_CHARS + delta);
        for (const last of [false, true]) {
          const lines = [ndjsonLine('A', 200), line, ...(last ? [] : [ndjsonLine('C', 200)])];
          const result = parse('ndjson', lines.join(eol) + (last ? '' : eol), chunkBytes) as FeedBatch;
          expect(result.rowsIn).toBe(lines.length);
          if (delta <= 0) {
            expect(result.records.map((r) => r.id)).toEqual(last ? ['A', 'B'] : ['A', 'B', 'C']);
          } else {
            expect(result.records.map((r) => r.id)).toEqual(last ? ['A'] : ['A', 'C']);
            expect(result.rejections).toEqual([{ location: { line: 2 }, field: 'row', reason: `the line is longer than ${MAX_ROW_CHARS} characters` }]);
          }
        }
      }
    });

    it('NDJSON: an over-long first line refuses the file, as nothing shows it is NDJSON', () => {
      const result = parse('ndjson', `${ndjsonLine('A', MAX_ROW_CHARS + 1)}\n${ndjsonLine('B', 200)}\n`, chunkBytes);
      expect((result as FeedReadError).code).toBe('row-too-long');
      expect((parse('ndjson', `${ndjsonLine('A', MAX_ROW_CHARS)}\n`, chunkBytes) as FeedBatch).records).toHaveLength(1);
    });

    it('GeoJSON: a feature of the limit is read, one more is rejected', () => {
      for (const delta of [-1, 0, 1]) {
        const feature = featureText('B', MAX_ROW_CHARS + delta);
        expect(feature.length).toBe(MAX_ROW_CHARS + delta);
        const text = `{"type": "FeatureCollection", "features": [ ${featureText('A', 300)} ,\n ${feature}\n, ${featureText('C', 300)}]}`;
        const result = parse('geojson', text, chunkBytes) as FeedBatch;
        expect(result.rowsIn).toBe(3);
        if (delta <= 0) {
          expect(result.records.map((r) => r.id)).toEqual(['A', 'B', 'C']);
        } else {
          expect(result.records.map((r) => r.id)).toEqual(['A', 'C']);
          expect(result.rejections).toEqual([{ location: { feature: 1 }, field: 'row', reason: `the feature is ${MAX_ROW_CHARS + 1} characters long, over the limit of ${MAX_ROW_CHARS}` }]);
        }
      }
    });
  });

  it.each([
    ['csv', `${CSV_HEADER}\n${csvRow(MAX_ROW_CHARS, false)}\n`],
    ['csv', `${CSV_HEADER}\n${CSV_PREFIX}"${'x\n'.repeat((MAX_ROW_CHARS - CSV_PREFIX.length - 2) >> 1)}"\n`],
    ['ndjson', `${ndjsonLine('A', MAX_ROW_CHARS)}\n`],
  ] as const)('%s: a row of the limit trickling in 16-byte pieces is read in linear time', (format, text) => {
    // Scanning the held-back row again at every piece took minutes for half a mebibyte.
    const started = performance.now();
    const result = parse(format, text, 16);
    expect((result as FeedBatch).records).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('GeoJSON: a 3 MiB description is rejected, not stored', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { ...ROW, description: 'd'.repeat(3 << 20) } }] });
    const result = parse('geojson', text) as FeedBatch;
    expect(result.records).toEqual([]);
    expect(result.rejections[0]).toMatchObject({ location: { feature: 0 }, field: 'row' });
  });
});

/** `[[…[]…]]` nested `levels` deep (a scalar when 0). */
function nested(levels: number, inner = '1'): string {
  return `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
}

describe('deep nesting rejects the row, never the process', () => {
  const fields = ['severity', 'lon', 'lat', 'value', 'links', 'description', 'id', 'time', 'nonsense'];

  it.each([5_000, 100_000])('NDJSON: %i levels in any property reject that row with the field named', (levels) => {
    for (const field of fields) {
      const lines = [JSON.stringify({ ...ROW, id: 'ok' }), JSON.stringify({ ...ROW, id: 'deep', [field]: 0 }).replace(`"${field}":0`, `"${field}":${nested(levels)}`)];
      const result = parse('ndjson', lines.join('\n')) as FeedBatch;
      expect(result.records.map((r) => r.id)).toEqual(['ok']);
      expect(result.rejections).toEqual([
        {
          location: { line: 2 },
          field: field === 'nonsense' ? 'row' : field,
          reason: `the row nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (in property '${field}')`,
        },
      ]);
    }
  });

  it('NDJSON: a links item nested deep, and a deep Feature line', () => {
    const links = JSON.stringify({ ...ROW, links: ['GD:1', 0] }).replace(',0]', `,${nested(5_000)}]`);
    expect((parse('ndjson', links) as FeedBatch).rejections[0]).toMatchObject({ field: 'links' });
    const feature = JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: 0 }, properties: ROW }).replace('"coordinates":0', `"coordinates":${nested(100_000)}`);
    expect((parse('ndjson', `${JSON.stringify(ROW)}\n${feature}`) as FeedBatch).rejections[0]).toMatchObject({ location: { line: 2 }, field: 'geometry' });
  });

  it('counts the row braces as level 1: exactly the limit is read, one more level rejected', () => {
    // NDJSON: the line's object is level 1, so a property holds MAX_JSON_DEPTH - 1 levels.
    const line = (levels: number) => JSON.stringify({ ...ROW, extra: 0 }).replace('"extra":0', `"extra":${nested(levels)}`);
    expect((parse('ndjson', line(MAX_JSON_DEPTH - 1)) as FeedBatch).records).toHaveLength(1);
    expect((parse('ndjson', line(MAX_JSON_DEPTH)) as FeedBatch).rejections[0]).toMatchObject({ field: 'row' });
    // GeoJSON: the feature is level 1 and its properties level 2.
    const doc = (levels: number) =>
      `{"type":"FeatureCollection","features":[${JSON.stringify({ type: 'Feature', geometry: null, properties: { ...ROW, extra: 0 } }).replace('"extra":0', `"extra":${nested(levels)}`)}]}`;
    expect((parse('geojson', doc(MAX_JSON_DEPTH - 2)) as FeedBatch).records).toHaveLength(1);
    expect((parse('geojson', doc(MAX_JSON_DEPTH - 1)) as FeedBatch).rejections[0]).toMatchObject({ location: { feature: 0 }, field: 'row' });
  });

  it.each([5_000, 100_000])('GeoJSON: %i levels in a property or the geometry reject the feature; a member never read is let be', (levels) => {
    const feature = (where: string) => {
      const base = { type: 'Feature', geometry: { type: 'Point', coordinates: [113.5, 22.5] }, properties: { ...ROW, severity: 1 }, foreign: 1 };
      const text = JSON.stringify(base);
      if (where === 'severity') return text.replace('"severity":1', `"severity":${nested(levels)}`);
      if (where === 'geometry') return text.replace('[113.5,22.5]', nested(levels, '113.5,22.5'));
      return text.replace('"foreign":1', `"foreign":${nested(levels)}`);
    };
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify({ type: 'Feature', geometry: null, properties: ROW })},${feature('severity')},${feature('geometry')},${feature('foreign')}]}`;
    const result = parse('geojson', text) as FeedBatch;
    expect(result.records.map((r) => r.id)).toEqual(['A', 'A']);
    expect(result.rejections.map((r) => [r.location, r.field])).toEqual([
      [{ feature: 1 }, 'severity'],
      [{ feature: 2 }, 'geometry'],
    ]);
  });

  it.each([5_000, 100_000])('GeoJSON: a crs member %i levels deep refuses the file with a reason', (levels) => {
    for (const crs of [nested(levels), `{"type":"name","properties":{"name":${nested(levels, '"EPSG:2326"')}}}`]) {
      const result = parse('geojson', `{"type":"FeatureCollection","crs":${crs},"features":[]}`);
      expect(result).toBeInstanceOf(FeedReadError);
      expect((result as FeedReadError).code).toBe('format');
      expect((result as FeedReadError).message).toContain('unsupported crs');
    }
  });
});

describe('warnings per field are capped', () => {
  it('a row of 100,000 malformed links gives the first few and a count', () => {
    const row = { ...ROW, links: Array.from({ length: 100_000 }, (_, k) => `bad${k}`).join(';') };
    const result = parse('ndjson', JSON.stringify(row)) as FeedBatch;
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toHaveLength(MAX_WARNINGS_PER_FIELD + 1);
    expect(result.warnings[MAX_WARNINGS_PER_FIELD].message).toBe(`${100_000 - MAX_WARNINGS_PER_FIELD} more malformed links dropped`);
  });

  it('a CSV header naming one field 100,000 times warns a few times and counts the rest', () => {
    const header = `id,source,time,lon,lat,category${',time'.repeat(100_000)}`;
    const result = parse('csv', `${header}\n${CSV_PREFIX}\n`) as FeedBatch;
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toHaveLength(MAX_WARNINGS_PER_FIELD + 1);
    expect(result.warnings[MAX_WARNINGS_PER_FIELD]).toMatchObject({ location: { line: 1 }, field: 'time', message: `${100_000 - MAX_WARNINGS_PER_FIELD} more columns naming 'time' ignored` });
  });
});
