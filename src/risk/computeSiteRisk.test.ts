import { describe, expect, it } from 'vitest';
import { computeSiteRisk } from './computeSiteRisk.ts';
import { describePlaces } from './describePlaces.ts';
import { buildEventTable } from './buildEventTable.ts';
import { chunkOf, CHANNELS, DAY, record, SITES, T, tableOf } from './testFixtures.ts';

const nearGongbei = { lon: 113.5489 + 0.01, lat: 22.2186 }; // ≈ 1 km east: nearest is gongbei_port
const onLotusBridge = { lon: 113.5455, lat: 22.1404 }; // on the bridge, ≈ 160 m from hengqin_port
const nowhere = { lon: 113.7, lat: 22.0 };

describe('computeSiteRisk', () => {
  const table = tableOf(
    [
      record({ id: 'explicit', ...nowhere, site: 'lok_ma_chau_control_point', severity: 5 }),
      record({ id: 'nearest', ...nearGongbei, severity: 4 }),
      record({ id: 'bridge', ...onLotusBridge, severity: 3, source: 'MOCS' }),
      record({ id: 'lost', ...nowhere }),
      record({ id: 'named-only', ...nowhere, site: 'inner_harbour', channel: 'inner_harbour_channel', severity: 2 }),
      record({ id: 'earlier', ...nearGongbei, time: T - 33 * DAY }),
    ],
    { sites: SITES, channels: CHANNELS },
  );

  it('scores every reference site from explicit and nearest attributions', () => {
    const { sites } = computeSiteRisk(table, { time: T }, null, SITES, CHANNELS);
    const score = (id: string): number => sites.scores[sites.ids.indexOf(id)];
    expect(sites.ids).toEqual([...SITES.map((site) => site.id), 'inner_harbour']);
    expect(sites.referenceCount).toBe(SITES.length);
    expect(score('lok_ma_chau_control_point')).toBeCloseTo(1, 12);
    expect(score('gongbei_port')).toBeCloseTo(0.8, 12);
    expect(score('hengqin_port')).toBeCloseTo(0.6, 12);
    expect(score('macao_border_gate')).toBe(0);
    expect(score('inner_harbour')).toBeCloseTo(0.4, 12);
    expect(Array.from(sites.order, (p) => sites.ids[p])).toEqual([
      'lok_ma_chau_control_point',
      'gongbei_port',
      'hengqin_port',
      'inner_harbour',
      'macao_border_gate',
    ]);
    expect(sites.previous[sites.ids.indexOf('gongbei_port')]).toBeCloseTo(2 ** (-3 / 7), 12);
  });

  it('scores channels from explicit channels, else the nearest polyline', () => {
    const { channels } = computeSiteRisk(table, { time: T }, null, SITES, CHANNELS);
    expect(channels.ids).toEqual(['lotus_bridge', 'east_line', 'inner_harbour_channel']);
    expect(Array.from(channels.scores)).toEqual([expect.closeTo(0.6, 12), 0, expect.closeTo(0.4, 12)]);
    expect(Array.from(channels.counts)).toEqual([1, 0, 1]);
  });

  it('re-attributes with another radius or site list', () => {
    const tight = computeSiteRisk(table, { time: T, siteRadiusKm: 0.5 }, null, SITES, CHANNELS).sites;
    expect(tight.scores[tight.ids.indexOf('gongbei_port')]).toBe(0);
    expect(tight.scores[tight.ids.indexOf('hengqin_port')]).toBeCloseTo(0.6, 12);
    const onlyGongbei = computeSiteRisk(table, { time: T }, null, [SITES[0]], []).sites;
    expect(onlyGongbei.ids).toEqual(['gongbei_port', 'lok_ma_chau_control_point', 'inner_harbour']);
    expect(onlyGongbei.referenceCount).toBe(1);
  });

  it('lists no place that only a superseded version named', () => {
    const chunk = chunkOf([
      record({ id: 'v', source: 'MOCS', site: 'ghost_site', channel: 'ghost_channel', updated: T - 2 * DAY }),
      record({ id: 'v', source: 'MOCS', site: 'inner_harbour', updated: T - DAY }),
    ]);
    const superseded = buildEventTable([{ chunk, mask: Uint8Array.of(1, 0) }], { sites: SITES, channels: CHANNELS });
    const { sites, channels } = computeSiteRisk(superseded, { time: T }, null, SITES, CHANNELS);
    expect(sites.ids).toEqual([...SITES.map((site) => site.id), 'inner_harbour']);
    expect(channels.ids).toEqual(CHANNELS.map((channel) => channel.id));
    expect(superseded.siteIds).not.toContain('ghost_site');
  });

  it('applies filters and describes places', () => {
    const result = computeSiteRisk(table, { time: T }, { sources: ['MOCS'] }, SITES, CHANNELS);
    const [first, second] = describePlaces(result.sites, table);
    expect(first).toMatchObject({ rank: 0, id: 'hengqin_port', reference: true, count: 1, bySource: { MOCS: 1 } });
    expect(first.topEvents.map((e) => e.id)).toEqual(['bridge']);
    expect(second.count).toBe(0);
    const named = describePlaces(computeSiteRisk(table, { time: T }, null, SITES, CHANNELS).sites, table);
    expect(named.find((place) => place.id === 'inner_harbour')?.reference).toBe(false);
  });
});
