import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { parseFeedText } from '../feeds/index.ts';
import { DEMO_TEST_CHANNELS, DEMO_TEST_SITES } from './__fixtures__/demoTestGeography.ts';
import { DEMO_CNY_RATES, demoCurrencyOfSource } from './demoCurrencies.ts';
import { csvField, demoFeedCsv } from './demoFeedCsv.ts';
import { DEMO_FEED_COLUMNS, formatDegrees, formatFeedTime } from './demoFeedRow.ts';
import { demoEventBatches, generateDemoEvents, type DemoEventOptions } from './generateDemoEvents.ts';

const OPTIONS: DemoEventOptions = {
  seed: 7,
  count: 2_000,
  now: Date.UTC(2026, 2, 1, 4, 0, 0),
  sites: DEMO_TEST_SITES,
  channels: DEMO_TEST_CHANNELS,
};

/** A strict RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      at++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      at++;
    } else if (char === '"' || char === '\n' || char === '\r') throw new Error(`bare ${JSON.stringify(char)} at ${at}`);
    else field += char;
    at++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last row without CRLF');
  return rows;
}

function tricky(overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    source: 'HKCED',
    id: 'HKCED-2026-000001',
    time: Date.UTC(2026, 0, 31, 16, 30, 5),
    lon: 113.9144,
    lat: 22.3089,
    category: 'narcotics',
    kind: 'seizure',
    severity: 4,
    grading: null,
    valueCny: 1_104_000,
    mode: 'air',
    site: 'hkia',
    channel: null,
    links: ['GACC-GD:GACC-GD-2026-000009', 'MOCS:MOCS-2026-000002'],
    description: 'Passenger said "gifts, for family",\r\nthen "nothing" — 旅客行李夹藏毒品',
    updated: Date.UTC(2026, 0, 31, 16, 30, 5, 120),
    ...overrides,
  };
}

// Generous timeout: these tests build tens of thousands of records, and shared machines run many suites at once.
describe('demoFeedCsv', { timeout: 30_000 }, () => {
  it('writes the contract header and one parseable row per record', () => {
    const records = generateDemoEvents(OPTIONS);
    const rows = parseCsv([...demoFeedCsv(records)].join(''));
    expect(rows[0]).toEqual([...DEMO_FEED_COLUMNS]);
    expect(rows[0]).toEqual([
      'id', 'source', 'time', 'lon', 'lat', 'category', 'kind', 'severity', 'grading', 'value', 'currency', 'mode', 'site',
      'channel', 'links', 'description', 'updated',
    ]);
    expect(rows).toHaveLength(records.length + 1);
    expect(rows.every((row) => row.length === DEMO_FEED_COLUMNS.length)).toBe(true);
  });

  it('round-trips every field of generated records', () => {
    const records = generateDemoEvents(OPTIONS);
    const rows = parseCsv([...demoFeedCsv(records)].join('')).slice(1);
    const column = (name: (typeof DEMO_FEED_COLUMNS)[number]): number => DEMO_FEED_COLUMNS.indexOf(name);
    const mismatches: string[] = [];
    rows.forEach((row, index) => {
      const record = records[index];
      const value = row[column('value')];
      const currency = row[column('currency')];
      const back: FeedRecord = {
        source: row[column('source')],
        id: row[column('id')],
        time: Date.parse(row[column('time')]),
        lon: Number(row[column('lon')]),
        lat: Number(row[column('lat')]),
        category: row[column('category')] as FeedRecord['category'],
        kind: row[column('kind')] as FeedRecord['kind'],
        severity: Number(row[column('severity')]),
        grading: row[column('grading')] || null,
        valueCny: value === '' ? null : Math.round(Number(value) * DEMO_CNY_RATES[currency as 'CNY' | 'HKD' | 'MOP'] * 100) / 100,
        mode: (row[column('mode')] || null) as FeedRecord['mode'],
        site: row[column('site')] || null,
        channel: row[column('channel')] || null,
        links: row[column('links')] === '' ? [] : row[column('links')].split(';'),
        description: row[column('description')],
        updated: Date.parse(row[column('updated')]),
      };
      if (JSON.stringify(back) !== JSON.stringify(record)) mismatches.push(`${index}: ${JSON.stringify(back)}`);
      if (value !== '' && currency !== demoCurrencyOfSource(record.source)) mismatches.push(`${index}: currency ${currency}`);
      if (!/\+08:00$/.test(row[column('time')])) mismatches.push(`${index}: time ${row[column('time')]}`);
    });
    expect(mismatches).toEqual([]);
  });

  it("is read back by the project's feed importer into the very same records", () => {
    const records = generateDemoEvents(OPTIONS);
    const batch = parseFeedText([...demoFeedCsv(records)].join(''), { format: 'csv', locateReference: () => null });
    expect(batch.rejections).toEqual([]);
    expect(batch.warnings).toEqual([]);
    expect(batch.records).toEqual(records);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const record = tricky();
    const text = [...demoFeedCsv([record])].join('');
    expect(text).toContain('"Passenger said ""gifts, for family"",\r\nthen ""nothing"" — 旅客行李夹藏毒品"');
    const [, row] = parseCsv(text);
    expect(row[15]).toBe(record.description);
    expect(row[14]).toBe('GACC-GD:GACC-GD-2026-000009;MOCS:MOCS-2026-000002');
    expect(row[2]).toBe('2026-02-01T00:30:05+08:00');
    expect(row[16]).toBe('2026-02-01T00:30:05.120+08:00');
    expect(row[9]).toBe('1200000');
    expect(row[10]).toBe('HKD');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('')).toBe('');
  });

  it('leaves null fields empty', () => {
    const [, row] = parseCsv([...demoFeedCsv([tricky({ valueCny: null, mode: null, site: null, links: [], grading: null })])].join(''));
    expect([row[8], row[9], row[10], row[11], row[12], row[13], row[14]]).toEqual(['', '', '', '', '', '', '']);
  });

  it('chunks by whole rows and gives the same text from batches or single records', () => {
    const records = generateDemoEvents({ ...OPTIONS, count: 100 });
    const whole = [...demoFeedCsv(records, { rowsPerChunk: 1_000 })];
    expect(whole).toHaveLength(1);
    const chunks = [...demoFeedCsv(demoEventBatches({ ...OPTIONS, count: 100 }, 13), { rowsPerChunk: 7 })];
    expect(chunks).toHaveLength(Math.ceil(100 / 7));
    expect(chunks.every((chunk) => chunk.endsWith('\r\n'))).toBe(true);
    expect(chunks.join('')).toBe(whole[0]);
    expect([...demoFeedCsv([])]).toEqual([`${DEMO_FEED_COLUMNS.join(',')}\r\n`]);
    expect(() => [...demoFeedCsv(records, { rowsPerChunk: 0 })]).toThrow(RangeError);
  });
});

describe('formatFeedTime and formatDegrees', () => {
  it('formats times in UTC+8, across day boundaries and out of order', () => {
    expect(formatFeedTime(Date.UTC(2025, 11, 31, 16, 0, 0))).toBe('2026-01-01T00:00:00+08:00');
    expect(formatFeedTime(Date.UTC(2025, 11, 31, 15, 59, 59))).toBe('2025-12-31T23:59:59+08:00');
    expect(formatFeedTime(Date.UTC(2024, 1, 28, 23, 0, 0, 7))).toBe('2024-02-29T07:00:00.007+08:00');
    expect(formatFeedTime(Date.UTC(2025, 11, 31, 16, 0, 1))).toBe('2026-01-01T00:00:01+08:00');
    for (const time of [0, 1_772_337_598_000, 1_767_153_602_345, 951_782_400_000]) {
      expect(Date.parse(formatFeedTime(time))).toBe(time);
    }
  });

  it('writes six decimals that parse back to the rounded degrees', () => {
    expect(formatDegrees(113.5)).toBe('113.500000');
    expect(formatDegrees(22.000001)).toBe('22.000001');
    expect(formatDegrees(-0.25)).toBe('-0.250000');
    expect(Number(formatDegrees(114.123456))).toBe(114.123456);
  });
});
