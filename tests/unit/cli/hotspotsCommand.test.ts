import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotsJson } from '../../../src/cli/formatHotspots.ts';
import { demoFeedCsv } from '../../../src/demo/demoFeedCsv.ts';
import { generateDemoEvents } from '../../../src/demo/generateDemoEvents.ts';
import { parseFeedText } from '../../../src/feeds/parseFeedText.ts';
import { locateReference } from '../../../src/geo/locateReference.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../../src/geo/referenceGeography.ts';
import { buildEventTable } from '../../../src/risk/buildEventTable.ts';
import { computeHotspots } from '../../../src/risk/computeHotspots.ts';
import { importRecords } from '../../../src/store/importRecords.ts';
import { MemoryEventStore } from '../../../src/store/MemoryEventStore.ts';
import { makeFixtureDir, runCaptured, type FixtureDir } from './cliTestSupport.ts';

const NOW = Date.parse('2026-03-01T12:00:00+08:00');
const DAY_MS = 86_400_000;

describe('tidegate hotspots', () => {
  let fixtures: FixtureDir;
  let demoFile: string;
  beforeAll(async () => {
    fixtures = await makeFixtureDir();
    const records = generateDemoEvents({ seed: 7, count: 3_000, now: NOW, days: 45, sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });
    demoFile = await fixtures.write('demo.csv', [...demoFeedCsv(records)].join(''));
  });
  afterAll(() => fixtures.remove());

  it('prints the JSON shape, with scores equal to a direct computeHotspots on the same data', async () => {
    const at = NOW - 2 * DAY_MS;
    const run = await runCaptured(['hotspots', demoFile, '--at', new Date(at).toISOString(), '--json', '--resolution', '8', '--half-life-days', '3.5', '--window-days', '20', '--top', '12']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const document = JSON.parse(run.stdout) as HotspotsJson;
    expect(document).toMatchObject({ at: new Date(at).toISOString(), resolution: 8, halfLifeDays: 3.5, windowDays: 20 });
    expect(document.hotspots).toHaveLength(12);

    const store = new MemoryEventStore();
    const batch = parseFeedText(await readFile(demoFile), { format: 'csv', locateReference });
    await importRecords(store, { feedName: 'demo.csv', source: null, format: 'csv' }, [batch]);
    const chunks = await store.loadPublishedChunks();
    const table = buildEventTable(chunks, { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });
    const direct = computeHotspots(table, { time: at, resolution: 8, halfLifeMs: 3.5 * DAY_MS, windowMs: 20 * DAY_MS });

    expect(document.eventsInWindow).toBe(direct.totalCount);
    expect(document.cellsInWindow).toBe(direct.cells.length);
    document.hotspots.forEach((hotspot, k) => {
      expect(hotspot.rank).toBe(k + 1);
      expect(hotspot.score).toBe(direct.scores[k]);
      expect(hotspot.count).toBe(direct.counts[k]);
      expect(hotspot.trend.previous).toBe(direct.previous[k]);
    });
    const [first] = document.hotspots;
    expect(first.cell).toMatch(/^88[0-9a-f]{13}$/);
    expect(Object.keys(first).sort()).toEqual(
      ['byCategory', 'byKind', 'bySource', 'cell', 'count', 'lat', 'lon', 'nearestSite', 'rank', 'score', 'topEvents', 'trend'].sort(),
    );
    expect(first.nearestSite?.id).toEqual(expect.any(String));
    const shares = Object.values(first.byCategory).reduce((sum, share) => sum + (share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(first.topEvents.length).toBeGreaterThan(0);
    expect(first.topEvents[0]).toEqual({ source: expect.any(String), id: expect.any(String), time: expect.any(String), weight: expect.any(Number) });
    expect(Date.parse(first.topEvents[0].time)).toBeLessThanOrEqual(at);
  });

  it('prints a ranked table for people, scores rounded', async () => {
    const run = await runCaptured(['hotspots', demoFile, '--at', '2026-03-01 12:00', '--top', '5']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Hotspots at 2026-03-01 12:00:00 \(UTC\+08:00\), H3 resolution 7, half-life 7 days, window 30 days: \d+ events in \d+ cells$/);
    expect(lines[1]).toMatch(/^rank\s+cell\s+score\s+events\s+trend\s+nearest site/);
    expect(lines[2]).toMatch(/^\s+1\s+87[0-9a-f]{13}\s+\d+\.\d\d\s+\d+\s/);
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/^\(top 5 of \d+ cells/);
  });

  it('says so when the window is empty', async () => {
    const run = await runCaptured(['hotspots', demoFile, '--at', '2020-01-01T00:00:00Z']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No events in the window.');
  });

  it('scores the readable files, prints the import summary on stderr and exits 1 when one is unreadable', async () => {
    const run = await runCaptured(['hotspots', demoFile, fixtures.path('nope.csv'), '--at', '2026-03-01T04:00:00Z', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${demoFile}: 3000 rows in, 3000 accepted`);
    expect(run.stderr).toContain('nope.csv: NOT READ (ENOENT)');
    expect((JSON.parse(run.stdout) as HotspotsJson).hotspots.length).toBe(20);
  });

  it.each([
    [['--at', '2026-02-30T10:00:00Z'], /--at: .*not a real calendar date/],
    [['--at', '1772330400'], /--at: .*epoch seconds/],
    [['--at', '2026-03-01'], /--at: .*no time of day/],
    [['--at', 'yesterday'], /--at: /],
    [['--at'], /--at needs a value/],
    [['--at', '--json'], /--at needs a value/],
    [[], /--at TIME is required/],
    [['--at', '2026-03-01T00:00Z', '--resolution', '10'], /--resolution must be an integer ≥ 5 and ≤ 9/],
    [['--at', '2026-03-01T00:00Z', '--resolution', '7.5'], /--resolution must be an integer/],
    [['--at', '2026-03-01T00:00Z', '--half-life-days', '0'], /--half-life-days must be a number > 0/],
    [['--at', '2026-03-01T00:00Z', '--window-days', '1e9'], /--window-days must be a number > 0 and ≤ 24855/],
    [['--at', '2026-03-01T00:00Z', '--top', 'many'], /--top must be an integer/],
    [['--at', '2026-03-01T00:00Z', '--recent-hours', '5'], /unknown option '--recent-hours'/],
  ])('refuses %j with exit 2 and the usage on stderr', async (flags, message) => {
    const run = await runCaptured(['hotspots', demoFile, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: tidegate hotspots FILE... --at TIME');
  });

  it('reads --at without a zone as UTC+08:00', async () => {
    const local = JSON.parse((await runCaptured(['hotspots', demoFile, '--json', '--at', '2026-02-27 08:30'])).stdout) as HotspotsJson;
    const zoned = JSON.parse((await runCaptured(['hotspots', demoFile, '--json', '--at=2026-02-27T00:30:00Z'])).stdout) as HotspotsJson;
    expect(local.at).toBe('2026-02-27T00:30:00.000Z');
    expect(local).toEqual(zoned);
  });
});
