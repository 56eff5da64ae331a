import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { DEMO_TEST_CHANNELS, DEMO_TEST_SITES } from './__fixtures__/demoTestGeography.ts';
import { DEMO_FACETS, demoFacetOfSiteMode } from './demoFacets.ts';
import {
  DEMO_BBOX,
  DEMO_CNY_RATES,
  DEMO_SPIKES,
  demoEventBatches,
  generateDemoEvents,
  type DemoChannel,
  type DemoEventOptions,
  type DemoSite,
} from './generateDemoEvents.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW = Date.UTC(2026, 2, 1, 4, 30, 15, 250);
const NOW_SECOND = NOW - 250;
const BASE: DemoEventOptions = { seed: 20260301, count: 3_000, now: NOW, sites: DEMO_TEST_SITES, channels: DEMO_TEST_CHANNELS };

/** One large sample shared by the statistical tests. */
const SAMPLE = generateDemoEvents({ ...BASE, count: 30_000 });

function jurisdictionOfSource(source: string): string {
  return source === 'HKCED' ? 'Hong Kong' : source === 'MOCS' ? 'Macao' : 'Mainland';
}

function distanceKm(lon0: number, lat0: number, lon1: number, lat1: number): number {
  const dx = (lon1 - lon0) * 111.32 * Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  const dy = (lat1 - lat0) * 111.32;
  return Math.hypot(dx, dy);
}

function localHour(time: number): number {
  return new Date(time + 8 * HOUR_MS).getUTCHours();
}

/** Transport modes a record at the site may carry, derived from the public facet tables. */
function allowedModes(site: DemoSite): Set<string> {
  const modes = new Set<string>(['low_altitude']);
  for (const mode of site.modes) {
    const facet = demoFacetOfSiteMode(mode);
    if (facet !== null) for (const recordMode of Object.keys(DEMO_FACETS[facet].modes)) modes.add(recordMode);
  }
  return modes;
}

/** Everything wrong with a set of records, as readable strings (empty when all is well). */
function problems(records: readonly FeedRecord[], sites: readonly DemoSite[], channels: readonly DemoChannel[], days: number): string[] {
  const found: string[] = [];
  const siteById = new Map(sites.map((site) => [site.id, site]));
  const channelIds = new Set(channels.map((channel) => channel.id));
  const byKey = new Map<string, FeedRecord>();
  const start = NOW_SECOND - days * DAY_MS;
  let previousTime = -Infinity;
  for (const record of records) {
    const where = `${record.source}:${record.id}`;
    const fail = (what: string): void => {
      found.push(`${where}: ${what}`);
    };
    if (byKey.has(where)) fail('duplicate key');
    byKey.set(where, record);
    if (!new RegExp(`^${record.source}-\\d{4}-\\d{6,}$`).test(record.id)) fail(`bad id ${record.id}`);
    if (!(CATEGORY_KEYS as readonly string[]).includes(record.category)) fail(`category ${record.category}`);
    if (!(RECORD_KINDS as readonly string[]).includes(record.kind)) fail(`kind ${record.kind}`);
    if (record.mode === null || !(TRANSPORT_MODES as readonly string[]).includes(record.mode)) fail(`mode ${record.mode}`);
    if (!Number.isInteger(record.severity) || record.severity < 1 || record.severity > 5) fail(`severity ${record.severity}`);
    if (record.grading !== null && !/^[A-F][1-6]$/.test(record.grading)) fail(`grading ${record.grading}`);
    if (record.valueCny !== null && !(record.valueCny > 0 && Number.isFinite(record.valueCny))) fail(`value ${record.valueCny}`);
    if (!(record.lon >= DEMO_BBOX[0] && record.lon <= DEMO_BBOX[2] && record.lat >= DEMO_BBOX[1] && record.lat <= DEMO_BBOX[3])) {
      fail(`outside bbox ${record.lon},${record.lat}`);
    }
    if (!(record.time >= start && record.time < NOW_SECOND) || record.time % 1000 !== 0) fail(`time ${record.time}`);
    if (record.time < previousTime) fail('time out of order');
    previousTime = record.time;
    if (!(record.updated >= record.time && record.updated <= NOW_SECOND)) fail(`updated ${record.updated}`);
    if (record.description.length === 0 || /[<>]/.test(record.description)) fail(`description ${record.description}`);
    if (record.channel !== null && !channelIds.has(record.channel)) fail(`channel ${record.channel}`);
    if (record.site !== null) {
      const site = siteById.get(record.site);
      if (site === undefined) fail(`unknown site ${record.site}`);
      else {
        if (!site.jurisdiction.includes(jurisdictionOfSource(record.source))) fail(`source ${record.source} not at ${site.id}`);
        if (record.mode !== null && !allowedModes(site).has(record.mode)) fail(`mode ${record.mode} at ${site.id}`);
      }
    }
    for (const link of record.links) {
      const target = byKey.get(link);
      if (target === undefined) fail(`link ${link} to no earlier record`);
      else if (jurisdictionOfSource(target.source) === jurisdictionOfSource(record.source)) fail(`link ${link} within one side`);
    }
  }
  return found;
}

// Generous timeout: these tests build tens of thousands of records, and shared machines run many suites at once.
describe('generateDemoEvents', { timeout: 30_000 }, () => {
  it('gives identical records for identical options and different records for another seed', () => {
    const first = generateDemoEvents(BASE);
    expect(first).toHaveLength(BASE.count);
    expect(generateDemoEvents({ ...BASE })).toEqual(first);
    const other = generateDemoEvents({ ...BASE, seed: BASE.seed + 1 });
    expect(other).not.toEqual(first);
    expect(other.filter((record, index) => record.description === first[index].description).length).toBeLessThan(BASE.count / 2);
  });

  it('streams the identical sequence whatever the batch size', () => {
    const whole = generateDemoEvents(BASE);
    for (const batchSize of [1, 7, 1_000, 2_999, 3_000, 50_000]) {
      const batches = [...demoEventBatches(BASE, batchSize)];
      expect(batches.every((batch) => batch.length > 0 && batch.length <= batchSize)).toBe(true);
      expect(batches.flat()).toEqual(whole);
    }
  });

  it('does not depend on wall-clock time or Math.random', () => {
    const realRandom = Math.random;
    const first = generateDemoEvents({ ...BASE, count: 500 });
    Math.random = () => 0.5;
    try {
      expect(generateDemoEvents({ ...BASE, count: 500 })).toEqual(first);
    } finally {
      Math.random = realRandom;
    }
  });

  it('produces only valid records: vocabulary, bbox, time window, keys, links, sides and modes', () => {
    expect(problems(SAMPLE, DEMO_TEST_SITES, DEMO_TEST_CHANNELS, 60)).toEqual([]);
    const short = generateDemoEvents({ ...BASE, days: 2 });
    expect(problems(short, DEMO_TEST_SITES, DEMO_TEST_CHANNELS, 2)).toEqual([]);
  });

  it('handles empty counts and rejects bad options', () => {
    expect(generateDemoEvents({ ...BASE, count: 0 })).toEqual([]);
    expect([...demoEventBatches({ ...BASE, count: 0 })]).toEqual([]);
    expect(() => generateDemoEvents({ ...BASE, count: -1 })).toThrow(RangeError);
    expect(() => generateDemoEvents({ ...BASE, count: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoEvents({ ...BASE, sites: [] })).toThrow(RangeError);
    expect(() => generateDemoEvents({ ...BASE, days: 0 })).toThrow(RangeError);
    expect(() => generateDemoEvents({ ...BASE, now: Number.NaN })).toThrow(RangeError);
    expect(() => demoEventBatches(BASE, 0)).toThrow(RangeError);
  });

  it('works with a single site, no channels and modes it does not know', () => {
    const records = generateDemoEvents({
      ...BASE,
      count: 400,
      sites: [{ id: 'somewhere', lon: 113.3, lat: 23.1, jurisdiction: ['Atlantis'], modes: ['teleport'] }],
      channels: [],
    });
    expect(records).toHaveLength(400);
    expect(new Set(records.map((record) => jurisdictionOfSource(record.source)))).toEqual(new Set(['Mainland']));
  });

  it('attributes about 60 % of records to a site and links about 2 % across the boundary', () => {
    const attributed = SAMPLE.filter((record) => record.site !== null).length / SAMPLE.length;
    expect(attributed).toBeGreaterThan(0.5);
    expect(attributed).toBeLessThan(0.7);
    const linked = SAMPLE.filter((record) => record.links.length > 0).length / SAMPLE.length;
    expect(linked).toBeGreaterThan(0.01);
    expect(linked).toBeLessThan(0.03);
    const keys = new Map(SAMPLE.map((record) => [`${record.source}:${record.id}`, record]));
    const chained = SAMPLE.filter((record) => record.links.some((link) => (keys.get(link)?.links.length ?? 0) > 0));
    expect(chained.length).toBeGreaterThan(0);
  });

  it('clusters records within a few kilometres of their site', () => {
    const siteById = new Map(DEMO_TEST_SITES.map((site) => [site.id, site]));
    const distances = SAMPLE.filter((record) => record.site !== null).map((record) => {
      const site = siteById.get(record.site as string) as DemoSite;
      return distanceKm(site.lon, site.lat, record.lon, record.lat);
    });
    const within2km = distances.filter((distance) => distance <= 2).length / distances.length;
    expect(within2km).toBeGreaterThan(0.8);
    expect(distances.filter((distance) => distance <= 0.1).length / distances.length).toBeLessThan(0.2);
    const alongChannels = SAMPLE.filter((record) => record.site === null && record.channel !== null);
    expect(alongChannels.length / SAMPLE.length).toBeGreaterThan(0.02);
  });

  it('fits the category mix to the kind of site', () => {
    const siteById = new Map(DEMO_TEST_SITES.map((site) => [site.id, site]));
    const shareAt = (category: string, firstMode: string): number => {
      const here = SAMPLE.filter((record) => record.site !== null && siteById.get(record.site)?.modes[0] === firstMode);
      return here.filter((record) => record.category === category).length / here.length;
    };
    expect(shareAt('narcotics', 'air')).toBeGreaterThan(2 * shareAt('narcotics', 'sea'));
    expect(shareAt('tobacco', 'road')).toBeGreaterThan(2 * shareAt('tobacco', 'air'));
    expect(shareAt('strategic_minerals', 'sea')).toBeGreaterThan(5 * shareAt('strategic_minerals', 'road'));
    expect(shareAt('counterfeit', 'sea')).toBeGreaterThan(shareAt('counterfeit', 'pedestrian'));
    const firearms = SAMPLE.filter((record) => record.category === 'firearms').length / SAMPLE.length;
    expect(firearms).toBeGreaterThan(0);
    expect(firearms).toBeLessThan(0.02);
    const drones = SAMPLE.filter((record) => record.mode === 'low_altitude');
    expect(drones.length).toBeGreaterThan(0);
    expect(drones.every((record) => record.lat > 22.4 && record.lat < 22.7 && record.lon > 113.9 && record.lon < 114.4)).toBe(true);
  });

  it('describes records in words that fit their transport mode', () => {
    const misfits = SAMPLE.filter(
      (record) =>
        ((record.mode === 'sea' || record.mode === 'postal' || record.mode === 'ecommerce') &&
          /hand luggage|strapped to body|checked baggage|旅客|水客|水貨客/.test(record.description)) ||
        ((record.mode === 'passenger' || record.mode === 'postal') && /lorry|goods vehicle|货车|貨車|集装箱|貨櫃/.test(record.description)),
    );
    expect(misfits.map((record) => `${record.mode}: ${record.description}`)).toEqual([]);
  });

  it('follows a diurnal rhythm in UTC+8 and a weekly rhythm', () => {
    const perHour = new Array<number>(24).fill(0);
    for (const record of SAMPLE) perHour[localHour(record.time)]++;
    const day = perHour.slice(9, 18).reduce((sum, count) => sum + count, 0) / 9;
    const night = perHour.slice(1, 5).reduce((sum, count) => sum + count, 0) / 4;
    expect(day).toBeGreaterThan(3 * night);
    const perWeekday = new Array<number>(7).fill(0);
    for (const record of SAMPLE) perWeekday[new Date(record.time + 8 * HOUR_MS).getUTCDay()]++;
    expect(perWeekday[6]).toBeGreaterThan(perWeekday[0]);
  });

  it('skews kinds, severities, gradings and values like real feeds', () => {
    const count = (predicate: (record: FeedRecord) => boolean): number => SAMPLE.filter(predicate).length;
    expect(count((record) => record.kind === 'seizure') / SAMPLE.length).toBeGreaterThan(0.6);
    const severities = [1, 2, 3, 4, 5].map((severity) => count((record) => record.severity === severity));
    expect(Math.max(...severities)).toBe(severities[2]);
    expect(count((record) => (record.kind === 'clue' || record.kind === 'intelligence') && record.grading === null)).toBe(0);
    expect(count((record) => record.kind === 'seizure' && record.grading === null)).toBeGreaterThan(count((record) => record.kind === 'seizure') / 2);
    const intel = SAMPLE.filter((record) => record.kind === 'intelligence' || record.kind === 'clue');
    expect(intel.filter((record) => record.grading === 'B2').length).toBeGreaterThan(3 * intel.filter((record) => record.grading === 'A1').length);
    const hongKongValues = SAMPLE.filter((record) => record.source === 'HKCED' && record.valueCny !== null);
    expect(hongKongValues.length).toBeGreaterThan(0);
    const offWhole = hongKongValues.filter((record) => {
      const local = (record.valueCny as number) / DEMO_CNY_RATES.HKD;
      return Math.abs(local - Math.round(local)) > 0.01;
    });
    expect(offWhole).toEqual([]);
    expect(new Set(SAMPLE.map((record) => record.source))).toEqual(
      new Set(['GACC-GD', 'GZ-CUSTOMS', 'SZ-CUSTOMS', 'GONGBEI-CUSTOMS', 'HKCED', 'MOCS']),
    );
    expect(count((record) => record.updated > record.time)).toBeGreaterThan(0);
  });

  it('plants each spike: far more records of its category at its site in its window than a week before', () => {
    const records = generateDemoEvents({ ...BASE, count: 20_000 });
    for (const spike of DEMO_SPIKES) {
      const site = DEMO_TEST_SITES.find((candidate) => candidate.id === spike.siteIds[0]) as DemoSite;
      const inWindow = (record: FeedRecord, weeksBack: number): boolean => {
        const shift = weeksBack * 7 * DAY_MS;
        return record.time >= NOW_SECOND - spike.fromHoursAgo * HOUR_MS - shift && record.time < NOW_SECOND - spike.toHoursAgo * HOUR_MS - shift;
      };
      const matching = records.filter(
        (record) =>
          record.category === spike.category &&
          site.jurisdiction.includes(jurisdictionOfSource(record.source)) &&
          distanceKm(site.lon, site.lat, record.lon, record.lat) < 2.5,
      );
      const now = matching.filter((record) => inWindow(record, 0)).length;
      const before = [1, 2, 3, 4].map((weeks) => matching.filter((record) => inWindow(record, weeks)).length);
      const baseline = before.reduce((sum, value) => sum + value, 0) / before.length;
      expect(now, spike.name).toBeGreaterThanOrEqual(spike.minimum);
      expect(now, spike.name).toBeGreaterThan(4 * Math.max(baseline, 1));
    }
  });

  const referencePath = fileURLToPath(new URL('../../../shared/reference/gba-geography.json', import.meta.url));
  it.skipIf(!existsSync(referencePath))('generates valid records from the shared reference geography', () => {
    const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as { sites: DemoSite[]; channels: DemoChannel[] };
    const records = generateDemoEvents({ ...BASE, count: 10_000, sites: reference.sites, channels: reference.channels });
    expect(problems(records, reference.sites, reference.channels, 60)).toEqual([]);
    const ids = new Set(reference.sites.map((site) => site.id));
    for (const spike of DEMO_SPIKES) expect(ids.has(spike.siteIds[0]), spike.name).toBe(true);
  });
});
