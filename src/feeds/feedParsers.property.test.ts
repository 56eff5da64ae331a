import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { createFeedParser } from './createFeedParser.ts';
import { appendBatch, emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { FeedFormat, FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { FIELD_ALIASES } from './fieldAliases.ts';
import { parseFeedText } from './parseFeedText.ts';

const FORMATS: FeedFormat[] = ['csv', 'ndjson', 'geojson'];
const locateReference: FeedParserOptions['locateReference'] = (kind, id) => (kind === 'site' && id === 'hkia' ? { lon: 113.9144, lat: 22.3089 } : null);

type Outcome = { batch: FeedBatch } | { error: FeedReadError };

/** Streams `bytes` cut at `cuts`; any exception other than FeedReadError fails the test. */
function run(format: FeedFormat, bytes: Uint8Array, cuts: number[]): Outcome {
  const offsets = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  try {
    const parser = createFeedParser({ format, locateReference, feedSource: 'prop' });
    const batch = emptyBatch();
    let from = 0;
    for (const at of offsets) {
      appendBatch(batch, parser.push(bytes.subarray(from, at)));
      from = at;
    }
    appendBatch(batch, parser.push(bytes.subarray(from)));
    appendBatch(batch, parser.end());
    return { batch };
  } catch (error) {
    if (error instanceof FeedReadError) return { error };
    throw error;
  }
}

/** Accepted records seen across all runs, to prove the generators reach the record path. */
let recordsSeen = 0;

function checkInvariants(outcome: Outcome): void {
  if ('error' in outcome) {
    expect(outcome.error.message.length).toBeGreaterThan(0);
    return;
  }
  const { batch } = outcome;
  recordsSeen += batch.records.length;
  expect(batch.rowsIn).toBe(batch.records.length + batch.rejections.length);
  for (const r of batch.records) {
    expect(Number.isFinite(r.time) && Number.isFinite(r.updated)).toBe(true);
    expect(r.lon >= -180 && r.lon <= 180 && r.lat >= -90 && r.lat <= 90).toBe(true);
    expect(Number.isInteger(r.severity) && r.severity >= 1 && r.severity <= 5).toBe(true);
    expect(CATEGORY_KEYS).toContain(r.category);
    expect(r.id.length).toBeGreaterThan(0);
    expect(r.source.length).toBeGreaterThan(0);
  }
  for (const rejection of batch.rejections) expect(rejection.reason.length).toBeGreaterThan(0);
}

/** Same result however the bytes are chunked (errors compared by code). */
function sameAsOneShot(format: FeedFormat, bytes: Uint8Array, cuts: number[]): void {
  const whole = run(format, bytes, []);
  const chunked = run(format, bytes, cuts);
  checkInvariants(chunked);
  if ('error' in whole) {
    expect('error' in chunked && chunked.error.code).toBe(whole.error.code);
  } else {
    expect(chunked).toEqual(whole);
  }
}

const cuts = fc.array(fc.nat(), { maxLength: 12 });
const csvChar = fc.constantFrom(',', ';', '\t', '"', '"', '\n', '\r', '\r\n', ' ', 'a', '1', '2', '.', '-', ':', 'Z', 'T', '0', '毒', '😀', '\uFEFF');
const csvishText = fc.array(csvChar, { maxLength: 120 }).map((chars) => chars.join(''));
const HEADER = 'id,source,time,lon,lat,category,severity,grading,value,currency,crs,easting,northing,site,links,description\n';

const fieldName = fc.constantFrom(...Object.values(FIELD_ALIASES).flat(), 'type', 'geometry', 'foo', '__proto__');
const cellValue = fc.oneof(
  fc.constantFrom('2026-03-01 10:00', '2026-02-30 10:00', '1772330400000', 'narcotics', 'Tobacco', '香煙', 'EPSG:2326', 'GCJ02', 'HK1980', 'B2', 'Z9', 'HKD', 'hkia', 'A:1;B:2', ''),
  fc.double({ min: -200, max: 900000, noNaN: true }),
  fc.integer({ min: -2, max: 7 }),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const rowObject = fc.dictionary(fieldName, cellValue, { maxKeys: 10 });

/** Rows that are mostly valid, so the record path is exercised, with occasional bad values. */
const plausibleRow = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 99 })),
    source: fc.constantFrom('HKCED', 'gacc-gd', 'MOCS', ''),
    time: fc.oneof(
      fc.constantFrom('2026-03-01 10:00', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.5+08:00', 1772330400000, '2026-02-30 10:00', 'later'),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    lon: fc.oneof(fc.double({ min: 111.3, max: 115.5, noNaN: true }), fc.constantFrom(0, 200, 'x')),
    lat: fc.oneof(fc.double({ min: 21.4, max: 24.4, noNaN: true }), fc.constantFrom(0, -95)),
    category: fc.constantFrom(...CATEGORY_KEYS, 'Tobacco', '瀕危物種', 'unknown stuff', ''),
    severity: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant('')),
    grading: fc.constantFrom('', 'B2', 'f6', 'Z9'),
    value: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom('', '1,000', -1)),
    currency: fc.constantFrom('', 'HKD', 'MOP', 'CNY', 'USD'),
    site: fc.constantFrom('', 'hkia', 'atlantis'),
    links: fc.constantFrom('', 'HKCED:1;MOCS:2', 'broken', 'A:1;;'),
    description: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['id', 'time', 'category'] },
);

function csvCell(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe('feed parsers under random and malformed input', () => {
  it('random bytes: only FeedReadError escapes, and rows balance', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), fc.uint8Array({ maxLength: 300 }), cuts, (format, bytes, cut) => {
        checkInvariants(run(format, bytes, cut));
      }),
      { numRuns: 600 },
    );
  });

  it('random bytes behind a valid header: only FeedReadError escapes, and rows balance', () => {
    const header = new TextEncoder().encode(HEADER);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), cuts, (bytes, cut) => {
        const all = new Uint8Array(header.length + bytes.length);
        all.set(header);
        all.set(bytes, header.length);
        checkInvariants(run('csv', all, cut));
      }),
      { numRuns: 300 },
    );
  });

  it('damaged files: chunking never changes the outcome, nor which problem refuses the file', () => {
    const damage = fc.array(fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0], [0xef, 0xbb, 0xbf], [0xe6, 0xaf])), { maxLength: 3 });
    const text = fc.oneof(
      fc.constantFrom('id,source,time,lon,lat,category\nA,GD,2026-03-01 10:00,113.5,22.5,other\n', 'id;when\n1;2\n', '{"id":"A","source":"GD","time":"2026-03-01 10:00","lon":113.5,"lat":22.5,"category":"毒品"}\n[1]\n'),
      csvishText,
    );
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), text, damage, cuts, (format, t, hits, cut) => {
        let bytes: Uint8Array = new TextEncoder().encode(t);
        for (const [at, insert] of hits) {
          const k = at % (bytes.length + 1);
          bytes = new Uint8Array([...bytes.subarray(0, k), ...insert, ...bytes.subarray(k)]);
        }
        sameAsOneShot(format, bytes, cut);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('CSV-ish text: chunking never changes the outcome', () => {
    fc.assert(
      fc.property(fc.boolean(), csvishText, cuts, (withHeader, text, cut) => {
        const bytes = new TextEncoder().encode(withHeader ? HEADER + text : text);
        sameAsOneShot('csv', bytes, cut);
        sameAsOneShot('ndjson', bytes, cut);
      }),
      { numRuns: 800 },
    );
  });

  it('CSV rows of plausible and implausible values: chunking never changes the outcome', () => {
    const before = recordsSeen;
    const columns = HEADER.trim().split(',');
    fc.assert(
      fc.property(fc.array(fc.oneof(plausibleRow, plausibleRow, fc.array(cellValue, { maxLength: columns.length + 2 })), { maxLength: 8 }), cuts, (rows, cut) => {
        const text = HEADER + rows.map((cells) => (Array.isArray(cells) ? cells : columns.map((c) => (cells as Record<string, unknown>)[c] ?? '')).map(csvCell).join(',')).join('\r\n');
        sameAsOneShot('csv', new TextEncoder().encode(text), cut);
      }),
      { numRuns: 400 },
    );
    expect(recordsSeen).toBeGreaterThan(before);
  });

  it('random JSON values as NDJSON lines: chunking never changes the outcome', () => {
    const before = recordsSeen;
    fc.assert(
      fc.property(fc.array(fc.oneof(plausibleRow, plausibleRow, rowObject, fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }), cuts, (values, cut) => {
        const text = values.map((v) => JSON.stringify(v) ?? '').join('\n');
        sameAsOneShot('ndjson', new TextEncoder().encode(text), cut);
      }),
      { numRuns: 400 },
    );
    expect(recordsSeen).toBeGreaterThan(before);
  });

  it('random JSON documents and feature lists as GeoJSON: only FeedReadError escapes, and rows balance', () => {
    const geometry = fc.oneof(
      fc.record({ type: fc.constantFrom('Point', 'LineString'), coordinates: fc.oneof(fc.tuple(cellValue, cellValue), fc.jsonValue({ maxDepth: 2 })) }),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const feature = fc.oneof(
      fc.record({
        type: fc.constant('Feature'),
        id: fc.option(fc.string({ maxLength: 4 })),
        geometry,
        properties: fc.oneof(plausibleRow, rowObject, fc.constant(null), fc.jsonValue({ maxDepth: 1 })),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const document = fc.oneof(
      fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 6 }) }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(document, cuts, (doc, cut) => {
        const bytes = new TextEncoder().encode(JSON.stringify(doc) ?? '');
        sameAsOneShot('geojson', bytes, cut);
        checkInvariants(run('ndjson', bytes, cut));
      }),
      { numRuns: 400 },
    );
  });

  it('string input agrees with byte input for valid text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), csvishText, (format, text) => {
        const bytes = new TextEncoder().encode(text);
        const options = { format, locateReference, feedSource: 'prop' };
        let fromBytes: unknown;
        let fromString: unknown;
        try {
          fromBytes = parseFeedText(bytes, options);
        } catch (error) {
          fromBytes = (error as FeedReadError).code;
        }
        try {
          fromString = parseFeedText(text, options);
        } catch (error) {
          fromString = (error as FeedReadError).code;
        }
        expect(fromString).toEqual(fromBytes);
      }),
      { numRuns: 300 },
    );
  });
});
