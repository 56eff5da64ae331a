import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../feeds/index.ts';
import { DEMO_TEST_CHANNELS, DEMO_TEST_SITES } from './__fixtures__/demoTestGeography.ts';
import { DEMO_FEED_COLUMNS, type DemoFeedRow } from './demoFeedRow.ts';
import { demoFeedNdjson } from './demoFeedNdjson.ts';
import { DEMO_CNY_RATES, demoEventBatches, generateDemoEvents, type DemoEventOptions } from './generateDemoEvents.ts';

const OPTIONS: DemoEventOptions = {
  seed: 11,
  count: 500,
  now: Date.UTC(2026, 2, 1, 4, 0, 0),
  sites: DEMO_TEST_SITES,
  channels: DEMO_TEST_CHANNELS,
};

// Generous timeout: these tests build tens of thousands of records, and shared machines run many suites at once.
describe('demoFeedNdjson', { timeout: 30_000 }, () => {
  it('writes one JSON object per line with the feed columns, round-tripping each record', () => {
    const records = generateDemoEvents(OPTIONS);
    const text = [...demoFeedNdjson(records)].join('');
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.trimEnd().split('\n').map((line) => JSON.parse(line) as DemoFeedRow);
    expect(rows).toHaveLength(records.length);
    const mismatches: string[] = [];
    rows.forEach((row, index) => {
      const record = records[index];
      if (Object.keys(row).join() !== DEMO_FEED_COLUMNS.join()) mismatches.push(`${index}: keys ${Object.keys(row).join()}`);
      const valueCny = row.value === null || row.currency === null ? null : Math.round(row.value * DEMO_CNY_RATES[row.currency] * 100) / 100;
      const same =
        row.id === record.id &&
        row.source === record.source &&
        Date.parse(row.time) === record.time &&
        Date.parse(row.updated) === record.updated &&
        row.lon === record.lon &&
        row.lat === record.lat &&
        row.links.join(';') === record.links.join(';') &&
        row.description === record.description &&
        valueCny === record.valueCny;
      if (!same) mismatches.push(`${index}: ${JSON.stringify(row)}`);
    });
    expect(mismatches).toEqual([]);
  });

  it("is read back by the project's feed importer into the very same records", () => {
    const records = generateDemoEvents(OPTIONS);
    const batch = parseFeedText([...demoFeedNdjson(records)].join(''), { format: 'ndjson', locateReference: () => null });
    expect(batch.rejections).toEqual([]);
    expect(batch.records).toEqual(records);
  });

  it('chunks by whole lines and accepts batches', () => {
    const whole = [...demoFeedNdjson(generateDemoEvents(OPTIONS))].join('');
    const chunks = [...demoFeedNdjson(demoEventBatches(OPTIONS, 64), { rowsPerChunk: 100 })];
    expect(chunks).toHaveLength(5);
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true);
    expect(chunks.join('')).toBe(whole);
    expect([...demoFeedNdjson([])]).toEqual([]);
  });
});
