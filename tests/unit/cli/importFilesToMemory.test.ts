import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedSettingsProblem, importFilesToMemory } from '../../../src/cli/importFilesToMemory.ts';
import { parseFeedText } from '../../../src/feeds/parseFeedText.ts';
import { locateReference } from '../../../src/geo/locateReference.ts';
import { FIXTURE_HEADER, makeFixtureDir, type FixtureDir } from './cliTestSupport.ts';

const ROWS = [
  FIXTURE_HEADER,
  '香港-1,HKCED,2026-03-01T09:10:00+08:00,,,香煙,clue,3,lo_wu_control_point,,線索：羅湖',
  'C-2,GACC-GD,2026-03-01 10:00,113.5489,22.2186,毒品,seizure,4,,,"多行\n描述"',
  'C-3,GACC-GD,2026-03-01 11:00,113.5489,22.2186,未知,seizure,4,,,',
  'C-4,GACC-GD,2026-03-01 11:00,113.5489,22.2186,tobacco,seizure,0,,,',
].join('\r\n');

describe('importFilesToMemory', () => {
  let fixtures: FixtureDir;
  beforeEach(async () => {
    fixtures = await makeFixtureDir();
  });
  afterEach(() => fixtures.remove());

  it('streams in chunks of any size (multi-byte characters split across reads) with the same result as a whole parse', async () => {
    const file = await fixtures.write('feed.csv', ROWS);
    const whole = parseFeedText(await readFile(file), { format: 'csv', locateReference });
    expect([whole.records.length, whole.rejections.length, whole.warnings.length]).toEqual([3, 1, 1]);
    for (const readChunkBytes of [1, 3, 7, 64 * 1024]) {
      const { store, results } = await importFilesToMemory([file], { readChunkBytes });
      const report = results[0].report;
      expect(report?.counts).toMatchObject({ rowsIn: whole.rowsIn, accepted: whole.records.length, rejected: whole.rejections.length });
      expect(report?.rejections).toEqual(whole.rejections);
      expect(report?.warnings).toEqual(whole.warnings);
      const chunks = await store.loadPublishedChunks();
      expect(chunks.flatMap((c) => [...c.chunk.strings.ids])).toEqual(whole.records.map((r) => r.id));
    }
  });

  it('detects NDJSON behind a .json name even when the first line spans several reads', async () => {
    const line = JSON.stringify({ id: 'N1', source: 'MOCS', time: '2026-03-01 10:00', lon: 113.55, lat: 22.2, category: 'tobacco', description: 'x'.repeat(500) });
    const file = await fixtures.write('feed.json', `${line}\n${line.replace('N1', 'N2')}\n`);
    const { results } = await importFilesToMemory([file], { readChunkBytes: 16 });
    expect(results[0].report).toMatchObject({ format: 'ndjson', counts: { rowsIn: 2, accepted: 2 } });
  });

  it('places rows that name only a channel at the channel’s reference position', async () => {
    const file = await fixtures.write('channel.ndjson', '{"id":"H1","source":"GACC-GD","time":"2026-03-01 11:00","channel":"HZMB","category":"Smuggled Goods"}\n');
    const { store, results } = await importFilesToMemory([file]);
    expect(results[0].report?.counts.accepted).toBe(1);
    const [{ chunk }] = await store.loadPublishedChunks();
    const expected = locateReference('channel', 'hzmb');
    expect(expected).not.toBeNull();
    expect(chunk.columns.lon[0]).toBeCloseTo(expected!.lon, 5);
    expect(chunk.columns.lat[0]).toBeCloseTo(expected!.lat, 5);
  });

  it('names unusable feed-level settings', () => {
    expect(feedSettingsProblem({})).toBeNull();
    expect(feedSettingsProblem({ feedSource: 'GACC-GD', feedCrs: 'HK80' })).toBeNull();
    expect(feedSettingsProblem({ feedSource: 'A:B' })).toMatch(/source/i);
    expect(feedSettingsProblem({ feedCrs: 'BD09' })).toMatch(/coordinate system/);
  });
});
