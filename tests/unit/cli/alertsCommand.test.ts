import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../../src/cli/formatAlerts.ts';
import { formatUtc8 } from '../../../src/domain/formatUtc8.ts';
import { siteById } from '../../../src/geo/referenceGeography.ts';
import { makeFixtureDir, runCaptured, type FixtureDir } from './cliTestSupport.ts';

const AT = Date.parse('2026-03-10T00:00:00+08:00');
const HOUR_MS = 3_600_000;
const SPIKE_SITE = 'gongbei_port';
const QUIET_SITE = 'lo_wu_control_point';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A steady background of one tobacco seizure a day at Lo Wu over the four weeks before AT, and a
 * burst of 12 narcotics seizures at Gongbei in the last 10 hours; Gongbei was quiet before.
 */
function spikeFeed(): string {
  const lines = ['id,source,time,site,category,kind,severity'];
  for (let day = 1; day <= 28; day++) lines.push(`BG-${day},HKCED,${iso(AT - day * 24 * HOUR_MS + 3 * HOUR_MS)},${QUIET_SITE},tobacco,seizure,3`);
  for (let k = 0; k < 12; k++) lines.push(`SP-${k},GACC-GD,${iso(AT - 10 * HOUR_MS + k * 30 * 60_000)},${SPIKE_SITE},narcotics,seizure,4`);
  return lines.join('\n');
}

describe('tidegate alerts', () => {
  let fixtures: FixtureDir;
  let feed: string;
  beforeAll(async () => {
    fixtures = await makeFixtureDir();
    feed = await fixtures.write('spike.csv', spikeFeed());
  });
  afterAll(() => fixtures.remove());

  it('finds the constructed spike at its site and cell, and nothing at the steady place', async () => {
    const run = await runCaptured(['alerts', feed, '--at', iso(AT), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const document = JSON.parse(run.stdout) as AlertsJson;
    expect(document).toMatchObject({ at: iso(AT), resolution: 7, recentHours: 24, baselineDays: 28, threshold: 0.001 });

    expect(document.sites).toHaveLength(1);
    const [site] = document.sites;
    const reference = siteById(SPIKE_SITE)!;
    expect(site).toMatchObject({ target: 'site', id: SPIKE_SITE, observed: 12, baselineCount: 0, expected: 0.5, since: iso(AT - 10 * HOUR_MS) });
    expect(site.lon).toBeCloseTo(reference.lon, 6);
    expect(site.lat).toBeCloseTo(reference.lat, 6);
    expect(site.probability).toBeGreaterThan(0);
    expect(site.probability).toBeLessThan(1e-10);
    expect(Math.log(site.probability)).toBeCloseTo(site.logProbability, 9);

    expect(document.cells).toHaveLength(1);
    expect(document.cells[0]).toMatchObject({ target: 'cell', observed: 12, expected: 0.5 });
    expect(document.cells[0].id).toMatch(/^87[0-9a-f]{13}$/);
  });

  it('prints tables of cell and site alerts for people', async () => {
    const run = await runCaptured(['alerts', feed, '--at', formatUtc8(AT)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Spike alerts at 2026-03-10 00:00:00 (UTC+08:00): last 24 h against the 28 days before');
    expect(run.stdout).toContain('Cells (1)');
    expect(run.stdout).toContain('Sites (1)');
    expect(run.stdout).toMatch(new RegExp(`${SPIKE_SITE}\\s+12\\s+0\\.50\\s+\\d\\.\\de-\\d+\\s+2026-03-09 14:00:00\\s+22\\.2186\\s+113\\.5489\\s+Gongbei Port`));
  });

  it('follows the window and threshold flags', async () => {
    // The burst ended 4.5 hours before AT, so a 2-hour recent window holds none of it.
    const narrow = JSON.parse((await runCaptured(['alerts', feed, '--at', iso(AT), '--json', '--recent-hours', '2'])).stdout) as AlertsJson;
    expect(narrow.sites).toEqual([]);
    const loose = JSON.parse(
      (await runCaptured(['alerts', feed, '--at', iso(AT), '--json', '--threshold', '0.5', '--baseline-days', '7', '--resolution', '9'])).stdout,
    ) as AlertsJson;
    expect(loose.sites.map((a) => a.id)).toEqual([SPIKE_SITE]);
    expect(loose.cells[0].id).toMatch(/^89[0-9a-f]{13}$/);
    // A day before the burst, nothing stands out.
    const before = JSON.parse((await runCaptured(['alerts', feed, '--at', iso(AT - 24 * HOUR_MS), '--json'])).stdout) as AlertsJson;
    expect([before.cells, before.sites]).toEqual([[], []]);
  });

  it.each([
    [['--at', '2026-03-10T00:00:00Z', '--threshold', '0'], /--threshold must be a number > 0 and ≤ 1/],
    [['--at', '2026-03-10T00:00:00Z', '--threshold', '2'], /--threshold must be a number > 0 and ≤ 1/],
    [['--at', '2026-03-10T00:00:00Z', '--recent-hours', '-1'], /--recent-hours must be a number > 0/],
    [['--at', '2026-03-10T00:00:00Z', '--baseline-days', '1,5'], /--baseline-days must be a number/],
    [['--at', '2026-03-10T00:00:00Z', '--top', '3'], /unknown option '--top'/],
    [['--at', '2026-03-10 24:00'], /--at: /],
  ])('refuses %j with exit 2', async (flags, message) => {
    const run = await runCaptured(['alerts', feed, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: tidegate alerts FILE... --at TIME');
  });
});
