import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../crs/gcj02.ts';
import { DEFAULT_CNY_RATES } from './cnyRates.ts';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

const SITES: Record<string, { lon: number; lat: number }> = { gongbei_port: { lon: 113.5489, lat: 22.2186 } };
const CHANNELS: Record<string, { lon: number; lat: number }> = { hzmb: { lon: 113.78, lat: 22.28 } };
const options: FeedParserOptions = {
  format: 'ndjson',
  locateReference: (kind, id) => (kind === 'site' ? SITES[id] : CHANNELS[id]) ?? null,
};
const BASE = { id: 'R1', source: 'GACC-GD', time: '2026-03-01 10:00', lon: 113.5, lat: 22.5, category: 'narcotics' };
const T = Date.UTC(2026, 2, 1, 2, 0);

/** Parses one NDJSON row made of BASE plus `patch` (undefined values remove a key). */
function one(patch: Record<string, unknown>, extra: Partial<FeedParserOptions> = {}) {
  const row: Record<string, unknown> = { ...BASE, ...patch };
  for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
  const batch = parseFeedText(JSON.stringify(row), { ...options, ...extra });
  expect(batch.rowsIn).toBe(1);
  expect(batch.records.length + batch.rejections.length).toBe(1);
  return { record: batch.records[0], rejection: batch.rejections[0], warnings: batch.warnings };
}

function rejected(patch: Record<string, unknown>, field: string, reason: string | RegExp, extra: Partial<FeedParserOptions> = {}) {
  const { record, rejection } = one(patch, extra);
  expect(record).toBeUndefined();
  expect(rejection.location).toEqual({ line: 1 });
  expect(rejection.field).toBe(field);
  if (typeof reason === 'string') expect(rejection.reason).toContain(reason);
  else expect(rejection.reason).toMatch(reason);
}

describe('row normalisation', () => {
  it('fills defaults', () => {
    const { record, warnings } = one({});
    expect(record).toEqual({
      source: 'GACC-GD',
      id: 'R1',
      time: T,
      lon: 113.5,
      lat: 22.5,
      category: 'narcotics',
      kind: 'seizure',
      severity: 3,
      grading: null,
      valueCny: null,
      mode: null,
      site: null,
      channel: null,
      links: [],
      description: '',
      updated: T,
    });
    expect(warnings).toEqual([]);
  });

  it('reads every optional field', () => {
    const { record } = one({
      id: 42,
      source: ' hkced ',
      kind: 'Inspection Hit',
      severity: '5',
      grading: 'b2',
      value: '1000',
      currency: 'HKD',
      mode: 'low-altitude',
      site: 'Gongbei_Port',
      channel: 'hzmb',
      links: 'GACC-GD:X1; mocs:M-7 ;',
      description: '  Drone drop  ',
      updated: '2026-03-02T00:00:00Z',
    });
    expect(record).toMatchObject({
      id: '42',
      source: 'HKCED',
      kind: 'inspection_hit',
      severity: 5,
      grading: 'B2',
      valueCny: 1000 * DEFAULT_CNY_RATES.HKD,
      mode: 'low_altitude',
      site: 'gongbei_port',
      channel: 'hzmb',
      links: ['GACC-GD:X1', 'MOCS:M-7'],
      description: 'Drone drop',
      updated: Date.UTC(2026, 2, 2),
    });
    // Coordinates win over the site.
    expect(record.lon).toBe(113.5);
  });

  it('reads links given as a JSON array and warns about malformed ones', () => {
    const { record, warnings } = one({ links: ['HKCED:1', 'nonsense', 'X:', 7] });
    expect(record.links).toEqual(['HKCED:1']);
    expect(warnings.map((w) => [w.field, w.original])).toEqual([
      ['links', 'nonsense'],
      ['links', 'X:'],
      ['links', '7'],
    ]);
  });

  it('converts values with configured rates and a feed currency', () => {
    expect(one({ value: 100, currency: 'MOP' }, { rates: { MOP: 0.9 } }).record.valueCny).toBe(90);
    expect(one({ value: 100 }, { feedCurrency: 'HKD', rates: { HKD: 0.92 } }).record.valueCny).toBe(92);
    expect(one({ value: 100 }).record.valueCny).toBe(100);
    expect(one({ value: '0' }).record.valueCny).toBe(0);
  });

  it('keeps an unknown category as other with a warning preserving the original', () => {
    const { record, warnings } = one({ category: 'Drone parts' });
    expect(record.category).toBe('other');
    expect(warnings).toEqual([{ location: { line: 1 }, field: 'category', message: expect.stringContaining('Drone parts'), original: 'Drone parts' }]);
  });

  describe('values outside a vocabulary: kept, with a warning preserving the original', () => {
    it('an unknown kind keeps the default seizure', () => {
      const { record, warnings } = one({ kind: 'rumour' });
      expect(record.kind).toBe('seizure');
      expect(warnings).toEqual([{ location: { line: 1 }, field: 'kind', message: expect.stringContaining("unknown kind 'rumour'; kept as 'seizure'"), original: 'rumour' }]);
    });

    it('an unknown mode is left out', () => {
      const { record, warnings } = one({ mode: 'teleport' });
      expect(record.mode).toBeNull();
      expect(warnings).toEqual([{ location: { line: 1 }, field: 'mode', message: expect.stringContaining("unknown mode 'teleport'; ignored"), original: 'teleport' }]);
      expect(warnings[0].message).toContain('ferry');
    });

    it('an unknown currency drops the value it cannot convert, never guessing a rate', () => {
      const withValue = one({ value: 5, currency: 'USD' });
      expect(withValue.record.valueCny).toBeNull();
      expect(withValue.warnings).toEqual([
        { location: { line: 1 }, field: 'currency', message: expect.stringContaining("unknown currency 'USD'; the value '5' cannot be converted to CNY and is dropped"), original: 'USD' },
      ]);
      const without = one({ currency: 'EUR' });
      expect(without.record.valueCny).toBeNull();
      expect(without.warnings.map((w) => [w.field, w.original])).toEqual([['currency', 'EUR']]);
    });

    it('a malformed value is still rejected, whatever the currency', () => {
      rejected({ value: '1,000', currency: 'USD' }, 'value', 'not a plain number');
    });

    it('warns in field order, each once', () => {
      const { record, warnings } = one({ category: 'fireworks', kind: 'rumour', currency: 'USD', mode: 'teleport', links: 'nonsense', handling: 'top' });
      expect(record).toMatchObject({ category: 'other', kind: 'seizure', mode: null, valueCny: null, links: [], handling: 'unrecognised' });
      expect(warnings.map((w) => w.field)).toEqual(['category', 'kind', 'handling', 'currency', 'mode', 'links']);
    });

    it('an unknown handling code keeps the row as the most restricted (unrecognised), never as "no code"', () => {
      const { record, warnings } = one({ handling: 'secret' });
      expect(record.handling).toBe('unrecognised');
      expect(warnings).toEqual([
        { location: { line: 1 }, field: 'handling', message: expect.stringContaining("unknown handling code 'secret'; the record goes into no bundle"), original: 'secret' },
      ]);
      for (const odd of ['H6', '0', '6', '4.5', 'H', 'P', 'C']) expect(one({ handling: odd }).record.handling).toBe('unrecognised');
    });

    it('ferry is a mode, in English and Chinese', () => {
      expect(one({ mode: 'Ferry' }).record.mode).toBe('ferry');
      expect(one({ mode: '渡輪' }).record.mode).toBe('ferry');
      expect(one({ mode: '渡轮' }).warnings).toEqual([]);
    });
  });

  it('reads handling codes H1–H5 or 1–5 under every alias; a row without one has no handling property', () => {
    expect(one({ handling: 'H1' }).record.handling).toBe('H1');
    expect(one({ handling: ' h 3 ' }).record.handling).toBe('H3');
    expect(one({ handling: 5 }).record.handling).toBe('H5');
    expect(one({ handling: '2' }).record.handling).toBe('H2');
    expect(one({ handling: 'Ｈ４' }).record.handling).toBe('H4');
    for (const alias of ['Handling_Code', 'handling code', '处理代码', '處理代碼', '处置代码', '處置代碼']) {
      expect(one({ [alias]: 'H4' }).record.handling).toBe('H4');
    }
    expect('handling' in one({}).record).toBe(false);
    expect('handling' in one({ handling: '  ' }).record).toBe(false);
    expect(one({ handling: 'H2' }).warnings).toEqual([]);
  });

  it('accepts category names in every script', () => {
    expect(one({ category: '濒危物种' }).record.category).toBe('endangered_species');
    expect(one({ category: '瀕危物種' }).record.category).toBe('endangered_species');
    expect(one({ category: 'Endangered Species' }).record.category).toBe('endangered_species');
  });

  describe('positions', () => {
    it('inverts GCJ-02 per row and per feed', () => {
      const g = wgs84ToGcj02(113.5489, 22.2186);
      for (const { record } of [one({ lon: g.lon, lat: g.lat, crs: 'GCJ-02' }), one({ lon: g.lon, lat: g.lat }, { feedCrs: 'gcj02' })]) {
        expect(record.lon).toBeCloseTo(113.5489, 7);
        expect(record.lat).toBeCloseTo(22.2186, 7);
      }
    });

    it('reads x/y as degrees under a geographic crs', () => {
      expect(one({ lon: undefined, lat: undefined, x: 113.6, y: 22.6 }).record).toMatchObject({ lon: 113.6, lat: 22.6 });
    });

    it('reads HK1980 Grid easting/northing, also as x/y, per row or per feed', () => {
      const cases = [
        one({ lon: undefined, lat: undefined, easting: 832591.32, northing: 820351.389, crs: 'HK1980' }),
        one({ lon: undefined, lat: undefined, e: '832591.32', n: '820351.389', crs: 'EPSG:2326' }),
        one({ lon: undefined, lat: undefined, x: 832591.32, y: 820351.389, crs: '2326' }),
        one({ lon: undefined, lat: undefined, easting: 832591.32, northing: 820351.389 }, { feedCrs: 'HK80' }),
      ];
      for (const { record } of cases) {
        expect(record.lon).toBeCloseTo(114.141188, 5);
        expect(record.lat).toBeCloseTo(22.322172, 5);
      }
    });

    it('prefers grid coordinates over lon/lat under a grid crs, and reads lon/lat as WGS-84 otherwise', () => {
      const grid = one({ easting: 832591.32, northing: 820351.389, crs: 'EPSG:2326' }).record;
      expect(grid.lon).toBeCloseTo(114.141188, 5);
      expect(one({ crs: 'EPSG:2326' }).record).toMatchObject({ lon: 113.5, lat: 22.5 });
    });

    it('reads Macao Grid coordinates', () => {
      const { record } = one({ lon: undefined, lat: undefined, easting: 19000, northing: 19000, crs: 'Macao Grid' });
      expect(record.lon).toBeCloseTo(113.5297693, 6);
      expect(record.lat).toBeCloseTo(22.2021727, 6);
    });

    it('locates a site, else a channel, when no coordinates are given', () => {
      expect(one({ lon: undefined, lat: undefined, site: 'gongbei_port' }).record).toMatchObject({ lon: 113.5489, lat: 22.2186, site: 'gongbei_port' });
      expect(one({ lon: undefined, lat: undefined, channel: 'HZMB' }).record).toMatchObject({ lon: 113.78, lat: 22.28, channel: 'hzmb' });
      expect(one({ lon: undefined, lat: undefined, site: 'nowhere', channel: 'hzmb' }).record).toMatchObject({ lon: 113.78, lat: 22.28, site: 'nowhere' });
    });
  });

  describe('rejections', () => {
    it.each<[string, Record<string, unknown>, string, string | RegExp]>([
      ['missing id', { id: undefined }, 'id', 'id is missing'],
      ['blank id', { id: '  ' }, 'id', 'id is missing'],
      ['object id', { id: { a: 1 } }, 'id', 'must be text or a number'],
      ['overlong id', { id: 'x'.repeat(300) }, 'id', 'longer than'],
      ['missing source', { source: undefined }, 'source', 'source is missing'],
      ['source with a colon', { source: 'HK:CED' }, 'source', "must not contain ':'"],
      ['missing time', { time: undefined }, 'time', 'time is missing'],
      ['unparseable time', { time: 'soon' }, 'time', 'is not a date-time'],
      ['impossible date', { time: '2026-02-30 10:00' }, 'time', 'not a real calendar date'],
      ['impossible time of day', { time: '2026-03-01 25:61' }, 'time', 'not a real time of day'],
      ['missing category', { category: undefined }, 'category', 'category is missing'],
      ['no position at all', { lon: undefined, lat: undefined }, 'lon', 'no position'],
      ['unknown site', { lon: undefined, lat: undefined, site: 'atlantis' }, 'site', "site 'atlantis' is not in the reference geography"],
      ['unknown channel', { lon: undefined, lat: undefined, channel: 'tunnel' }, 'channel', "channel 'tunnel' is not in the reference geography"],
      ['lon without lat', { lat: undefined }, 'lat', 'longitude given without latitude'],
      ['lat without lon', { lon: undefined }, 'lon', 'latitude given without longitude'],
      ['lat not a number', { lat: 'north' }, 'lat', 'is not a number'],
      ['lon not a number', { lon: '113°30′' }, 'lon', 'is not a number'],
      ['decimal comma', { lon: '113,5' }, 'lon', 'is not a number'],
      ['lat out of range', { lat: 95 }, 'lat', 'outside −90…90'],
      ['lon out of range', { lon: 190 }, 'lon', 'outside −180…180'],
      ['swapped lat/lon', { lon: 22.5, lat: 113.5 }, 'lat', 'outside −90…90'],
      ['null island', { lon: 0, lat: '0' }, 'lon', 'exactly 0,0'],
      ['severity 0', { severity: 0 }, 'severity', 'not an integer from 1 to 5'],
      ['severity 6', { severity: '6' }, 'severity', 'not an integer from 1 to 5'],
      ['severity 2.5', { severity: 2.5 }, 'severity', 'not an integer from 1 to 5'],
      ['severity text', { severity: 'high' }, 'severity', 'not an integer from 1 to 5'],
      ['easting without northing', { crs: 'EPSG:2326', easting: 832591 }, 'northing', 'easting given without northing'],
      ['northing without easting', { crs: 'EPSG:2326', n: 820351 }, 'easting', 'northing given without easting'],
      ['grid without a grid crs', { easting: 832591, northing: 820351 }, 'easting', 'need a grid crs'],
      ['grid under GCJ-02', { crs: 'GCJ02', northing: 820351 }, 'northing', 'need a grid crs'],
      ['easting not a number', { crs: 'EPSG:2326', easting: 'x', northing: 1 }, 'easting', 'is not a number'],
      ['grid point far away', { crs: 'EPSG:2326', easting: 0, northing: 0 }, 'easting', 'outside the area of EPSG:2326'],
      ['Macao grid given HK values', { crs: 'EPSG:8433', easting: 832591, northing: 820351 }, 'easting', 'outside the area of EPSG:8433'],
      ['unknown crs', { crs: 'BD-09' }, 'crs', "unknown coordinate system 'BD-09'"],
      ['invalid grading', { grading: 'Z9' }, 'grading', 'not an Admiralty code'],
      ['grading with three characters', { grading: 'B22' }, 'grading', 'not an Admiralty code'],
      ['value not a number', { value: '1,000' }, 'value', 'not a plain number'],
      ['negative value', { value: -5 }, 'value', 'is negative'],
      ['value overflowing in CNY cents', { value: 1e308 }, 'value', 'too large to convert to CNY'],
      ['bad updated', { updated: '2026-02-29 00:00' }, 'updated', 'February 2026 has 28 days'],
      ['description object', { description: { text: 'x' } }, 'description', 'must be text or a number'],
      ['links object', { links: { a: 1 } }, 'links', 'must be text or a number'],
      ['handling list', { handling: ['H1'] }, 'handling', 'must be text or a number'],
    ])('%s', (_name, patch, field, reason) => {
      rejected(patch, field, reason);
    });

    it('reports the first problem only, in field order', () => {
      rejected({ id: undefined, time: 'never', category: undefined }, 'id', 'id is missing');
      rejected({ time: 'never', category: undefined }, 'time', 'never');
    });
  });

  describe('feed-level options', () => {
    it('refuses an unusable feed source, crs or currency as a whole', () => {
      for (const extra of [{ feedSource: 'A:B' }, { feedCrs: 'BD09' }, { feedCurrency: 'USD' }]) {
        expect(() => parseFeedText(JSON.stringify(BASE), { ...options, ...extra })).toThrow(FeedReadError);
      }
    });

    it('refuses invalid rates as a programming error', () => {
      expect(() => parseFeedText(JSON.stringify(BASE), { ...options, rates: { HKD: -1 } })).toThrow(RangeError);
    });

    it('lets a row source override the feed source', () => {
      expect(one({}, { feedSource: 'MOCS' }).record.source).toBe('GACC-GD');
      expect(one({ source: undefined }, { feedSource: 'mocs' }).record.source).toBe('MOCS');
    });
  });
});
