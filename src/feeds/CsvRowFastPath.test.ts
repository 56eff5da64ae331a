import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFeedParser } from './CsvFeedParser.ts';
import { DEFAULT_CNY_RATES } from './cnyRates.ts';
import { emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { ReferenceLocator } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { RowNormalizer } from './RowNormalizer.ts';

const locateReference: ReferenceLocator = (kind, id) => {
  if (kind === 'site' && id === 'hkia') return { lon: 113.9144, lat: 22.3089 };
  if (kind === 'site' && id === 'nowhere') return { lon: 500, lat: 0 };
  if (kind === 'channel' && id === 'hzmb') return { lon: 113.75, lat: 22.28 };
  return null;
};

interface Parsed {
  batch: FeedBatch;
  /** Rows that reached RowNormalizer.normalize(). */
  general: number;
}

/** Parses `text` cut at `cuts` with the fast path on or off; FeedReadError codes are returned as is. */
function parse(text: string, cuts: number[], fastPath: boolean, feedSource: string | null): Parsed | string {
  const normalizer = new RowNormalizer({
    locationKind: 'line',
    feedSource,
    feedCrs: 'EPSG:4326',
    feedCurrency: 'CNY',
    rates: { ...DEFAULT_CNY_RATES, HKD: 0.9137 },
    locateReference,
  });
  let general = 0;
  const normalize = normalizer.normalize.bind(normalizer);
  normalizer.normalize = (slots, where, batch) => {
    general++;
    normalize(slots, where, batch);
  };
  const parser = new CsvFeedParser(normalizer, feedSource !== null, fastPath);
  const batch = emptyBatch();
  const offsets = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const at of [...offsets, text.length]) {
      parser.pushText(text.slice(from, at), batch);
      from = at;
    }
    parser.end(batch);
  } catch (error) {
    if (error instanceof FeedReadError) return error.code;
    throw error;
  }
  return { batch, general };
}

/** Mostly `usual` values (the fast path's case), now and then one of the forms it must leave alone. */
function mostly<T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: 15 }, { arbitrary: odd, weight: 1 });
}
const pad = mostly(fc.constant(''), fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u2028'));
const padded = (value: fc.Arbitrary<string>) => fc.tuple(pad, value, pad).map(([a, v, b]) => a + v + b);
const two = (n: number) => String(n).padStart(2, '0');
const oddTime = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1895, max: 3005 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.option(fc.integer({ min: 0, max: 61 })),
      fc.constantFrom('', '.5', '.123456', ',25', '.'),
      fc.constantFrom('', 'Z', 'z', '+08:00', '+0800', '+08', '-05:30', '+14:00', '+14:01', '+15:00', '+8:00', ' +08:00', '+08:', 'x'),
      fc.constantFrom('T', ' ', 't', '/'),
    )
    .map(([y, mo, d, h, mi, s, frac, zone, sep]) => {
      const seconds = s === null ? '' : `:${two(s)}${frac}`;
      return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}${seconds}${zone}`;
    }),
  fc.constantFrom('2026-03-01', '2026-03-01 10', '1772330400000', '1772330400', '2026/03/01 10:00', ''),
);
const usualTime = fc
  .tuple(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), fc.constantFrom('Z', '+08:00', '', '.250Z'))
  .map(([d, zone]) => (zone === '.250Z' ? d.toISOString() : d.toISOString().slice(0, 19) + zone));
const time = padded(mostly(usualTime, oddTime));
const degrees = (min: number, max: number) =>
  padded(
    mostly(
      fc.double({ min, max, noNaN: true }).map((v) => v.toFixed(6)),
      fc.constantFrom('0', '-0', '0.000000', '1e3', '+114.1', '.5', '5.', '114,1', '', 'x', '1234567890123456', '180.0000001', '-90', '200'),
    ),
  );
const word = (usual: readonly string[], odd: readonly string[]) => padded(mostly(fc.constantFrom(...usual), fc.constantFrom(...odd)));
const plausibleRow = fc.record({
  id: mostly(fc.stringMatching(/^[A-Z]{2}-[0-9]{1,6}$/), fc.constantFrom('', ' ', ' A-1', 'x'.repeat(257), 'a"b', 'r,1')),
  source: word(['HKCED', 'gacc-gd', 'MOCS'], ['', 'A:B', 'x'.repeat(70)]),
  time,
  lon: degrees(113, 115),
  lat: degrees(21.5, 23.5),
  x: mostly(fc.constant(''), fc.constantFrom('114.2', '830000')),
  y: mostly(fc.constant(''), fc.constantFrom('22.3', '820000')),
  easting: mostly(fc.constant(''), fc.constant('833000')),
  northing: mostly(fc.constant(''), fc.constant('820000')),
  crs: word(['', 'WGS84', 'GCJ02'], ['wgs 84', 'EPSG:2326', 'BD09', ' 4326']),
  category: word(['narcotics', 'Tobacco', '香煙', 'strategic_minerals'], ['unknown stuff', '']),
  kind: word(['', 'seizure', 'clue', '线索'], ['Inspection Hit', 'nonsense']),
  severity: word(['', '1', '3', '5'], ['0', '6', '4.0', '2.5', 'x']),
  grading: word(['', 'B2', 'f6'], ['b 2', 'Z9', 'A0']),
  value: padded(mostly(fc.oneof(fc.constant(''), fc.double({ min: 0, max: 1e7, noNaN: true }).map((v) => v.toFixed(2))), fc.constantFrom('0', '-0', '-1', '1,000', '1e6', '12500.5'))),
  currency: word(['', 'HKD', 'MOP', 'CNY'], ['RMB', '港币', 'USD']),
  mode: word(['', 'sea', 'Land', '跨境电商'], ['low_altitude', 'teleport']),
  site: word(['', 'hkia', 'HKIA'], ['atlantis', 'nowhere']),
  channel: word(['', 'hzmb'], ['HZMB', 'styx']),
  links: mostly(fc.constantFrom('', 'HKCED:1;MOCS:2'), fc.constantFrom(' hkced : 7 ', 'broken', 'A:1;;', 'Ａ：１；B:2', ' ')),
  description: mostly(fc.string({ maxLength: 12 }), fc.constantFrom('', 'Cartons, "sealed"', ' padded ', '跨境 "货物"\n第二行', 'a\rb')),
  updated: mostly(fc.constant(''), time),
  handling: word(['', 'H1', '3', 'h5'], ['H 2', 'H6', 'secret']),
});

function csvCell(text: string, quoteAlways: boolean): string {
  return quoteAlways || /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe('CsvRowFastPath', () => {
  it('yields exactly what RowNormalizer.normalize() yields, however the rows look and the text is cut', () => {
    let fastRows = 0;
    const required = ['id', 'source', 'time', 'lon', 'lat', 'category'];
    const optional = ['x', 'y', 'easting', 'northing', 'crs', 'kind', 'severity', 'grading', 'value', 'currency', 'mode', 'site', 'channel', 'links', 'description', 'updated', 'handling'];
    const header = fc
      .tuple(fc.subarray(optional), fc.boolean(), fc.boolean())
      .chain(([extra, withSource, withLon]) =>
        fc.shuffledSubarray([...required.filter((c) => (c !== 'source' || withSource) && ((c !== 'lon' && c !== 'lat') || withLon)), ...extra], {
          minLength: required.length + extra.length - (withSource ? 0 : 1) - (withLon ? 0 : 2),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(plausibleRow, fc.boolean(), mostly(fc.constant(0), fc.nat(2))), { maxLength: 20 }),
        header,
        fc.constantFrom('\n', '\r\n'),
        fc.option(fc.constantFrom('HKCED', 'mocs')),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, header, newline, feedSource, cuts) => {
          const lines = [header.join(',')];
          // Rows that put every source, CRS and reference spelling in the normaliser's memos, which
          // the fast path reads but leaves to the general path to fill.
          for (const [k, source] of ['HKCED', 'gacc-gd', 'MOCS', 'hkced', 'MOCS', 'GACC-GD'].entries()) {
            const warm: Record<string, string> = { id: `W-${k}`, source, time: '2026-03-01 10:00', lon: '', lat: '', category: 'other', crs: ['', 'WGS84', 'GCJ02'][k % 3] };
            warm.site = ['hkia', 'HKIA', ''][k % 3];
            warm.channel = 'hzmb';
            lines.push(header.map((c) => warm[c] ?? '').join(','));
          }
          for (const [row, quoteAlways, extra] of rows) {
            const cells = header.map((c) => csvCell((row as Record<string, string>)[c], quoteAlways));
            // Trailing empty fields beyond the header are allowed; a missing tail counts as empty.
            if (extra === 1) cells.push('');
            if (extra === 2) cells.pop();
            lines.push(cells.join(','));
          }
          const text = lines.join(newline) + newline;
          const general = parse(text, cuts, false, feedSource);
          const fast = parse(text, cuts, true, feedSource);
          if (typeof general === 'string' || typeof fast === 'string') {
            expect(fast).toEqual(general);
            return;
          }
          expect(fast.batch).toEqual(general.batch);
          fastRows += general.general - fast.general;
        },
      ),
      { numRuns: 1000 },
    );
    // The generators must reach the fast path, not only its fallbacks.
    expect(fastRows).toBeGreaterThan(300);
  });

  it('takes plain rows without the general path', () => {
    const text = [
      'id,source,time,lon,lat,category,kind,severity,grading,value,currency,mode,site,channel,links,description,updated',
      'A-1,HKCED,2026-03-01T10:00:00+08:00,114.100000,22.300000,tobacco,seizure,4,B2,1000,HKD,land,,,,"Cartons, 12",2026-03-01T10:00:00+08:00',
      'A-2,HKCED,2026-03-01T10:05:00+08:00,114.100000,22.300000,tobacco,clue,3,,,,sea,hkia,,HKCED:A-1,"Said ""hi""",2026-03-02T10:00:00+08:00',
      '',
    ].join('\r\n');
    const fast = parse(text, [], true, null);
    const general = parse(text, [], false, null);
    if (typeof fast === 'string' || typeof general === 'string') throw new Error('refused');
    expect(fast.batch).toEqual(general.batch);
    expect(fast.batch.records.map((r) => r.description)).toEqual(['Cartons, 12', 'Said "hi"']);
    // The first row of each spelling goes the general way to fill the normaliser's memos.
    expect(fast.general).toBeLessThan(general.general);
  });
});
