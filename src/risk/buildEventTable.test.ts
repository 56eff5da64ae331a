import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODE } from '../domain/categories.ts';
import { encodeGrading } from '../domain/grading.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { buildEventTable } from './buildEventTable.ts';
import { cellHalvesToHex } from './cellHalves.ts';
import { cellLevel, eventLocation, queryBytesPerEvent } from './EventTable.ts';
import { ChannelGrid } from './ChannelGrid.ts';
import { QueryCaches } from './QueryCaches.ts';
import { SiteGrid } from './SiteGrid.ts';
import { attributeRows, attributeSites } from './siteAttribution.ts';
import { CHANNELS, chunkOf, GONGBEI, GUANGZHOU_SOUTH, LOK_MA_CHAU, record, SITES, T, tableOf } from './testFixtures.ts';

describe('buildEventTable', () => {
  it('copies live rows into flat columns and skips masked rows', () => {
    const first = chunkOf([
      record({ id: 'a', source: 'GACC-GD', category: 'tobacco', severity: 3, grading: 'B2', mode: 'sea' }),
      record({ id: 'superseded' }),
    ]);
    const second = chunkOf([record({ id: 'b', source: 'HKCED', time: T + 1500, lon: LOK_MA_CHAU[0], lat: LOK_MA_CHAU[1] })]);
    const table = buildEventTable([{ chunk: first, mask: Uint8Array.of(0, 1) }, { chunk: second }]);
    expect(table.count).toBe(2);
    expect(table.sources).toEqual(['GACC-GD', 'HKCED']);
    expect(Array.from(table.source)).toEqual([0, 1]);
    expect(table.category[0]).toBe(CATEGORY_CODE.tobacco);
    expect(table.severity[0]).toBe(3);
    expect(table.grading[0]).toBe(encodeGrading('B2'));
    expect(table.mode[0]).toBe(1);
    expect(table.baseTime).toBe(T);
    // Whole seconds, truncated: T + 1.5 s is second 1.
    expect(Array.from(table.time)).toEqual([0, 1]);
    expect(table.lon[1]).toBeCloseTo(LOK_MA_CHAU[0], 4);
    expect(eventLocation(table, 1)).toEqual({ chunk: 1, row: 0 });
    expect(second.strings.ids[eventLocation(table, 1).row]).toBe('b');
  });

  it('keeps cells at resolutions 5..9 equal to h3-js, with sorted dictionaries', () => {
    const points = [GONGBEI, LOK_MA_CHAU, GUANGZHOU_SOUTH, [113.9, 22.3] as [number, number]];
    const table = tableOf(points.map(([lon, lat]) => record({ lon, lat })));
    for (let r = 5; r <= 9; r++) {
      const level = cellLevel(table, r);
      const ids = Array.from(level.high, (high, i) => cellHalvesToHex(high, level.low[i]));
      expect(ids).toEqual([...ids].sort());
      points.forEach(([lon, lat], e) => {
        expect(ids[level.index[e]]).toBe(latLngToCell(lat, lon, r));
      });
    }
    expect(() => cellLevel(table, 4)).toThrow(RangeError);
  });

  it('computes the cell from the position when a chunk has none', () => {
    const builder = new EventChunkBuilder(1);
    builder.append(record(), latLngToCell(GONGBEI[1], GONGBEI[0], 6));
    const table = buildEventTable([{ chunk: builder.build() }]);
    const level = cellLevel(table, 9);
    expect(cellHalvesToHex(level.high[0], level.low[0])).toBe(latLngToCell(GONGBEI[1], GONGBEI[0], 9));
  });

  it('stays under 40 query bytes per event, switching to Uint32 only for large dictionaries', () => {
    const table = tableOf([record()]);
    // 4 (time) + 8 (lon, lat) + 5 codes + 4 × 2 (source, weight class, site, channel) + 5 × 2 (cells).
    expect(queryBytesPerEvent(table)).toBe(35);
    const many = tableOf(
      Array.from({ length: 70_000 }, (_, i) => record({ lon: 113 + (i % 300) * 0.004, lat: 22 + Math.floor(i / 300) * 0.004 })),
    );
    expect(cellLevel(many, 9).index).toBeInstanceOf(Uint32Array);
    expect(cellLevel(many, 5).index).toBeInstanceOf(Uint16Array);
    expect(queryBytesPerEvent(many)).toBe(37);
    // 70,000 positions and every cell level: under a second alone, longer on a busy machine.
  }, 30_000);

  describe('site attribution', () => {
    const near = [113.5489 + 0.01, 22.2186] as const; // ≈ 1 km east of Gongbei
    const far = [113.7, 22.0] as const; // far from every site

    it('prefers the explicit site, else the nearest within the radius, else none', () => {
      const table = tableOf(
        [
          record({ lon: near[0], lat: near[1], site: 'lok_ma_chau_control_point' }),
          record({ lon: near[0], lat: near[1] }),
          record({ lon: far[0], lat: far[1] }),
          record({ lon: far[0], lat: far[1], site: 'unlisted_pier' }),
        ],
        { sites: SITES },
      );
      const named = (i: number): string | null => (table.site[i] === 0 ? null : table.siteIds[table.site[i] - 1]);
      expect([0, 1, 2, 3].map(named)).toEqual(['lok_ma_chau_control_point', 'gongbei_port', null, 'unlisted_pier']);
      expect(table.siteIds.slice(0, SITES.length)).toEqual(SITES.map((site) => site.id));
      expect(table.referenceSiteCount).toBe(SITES.length);
    });

    it('attributes every row as a search of its own would, deciding whole cells where it can', () => {
      // A dense cloud around three sites: many resolution-9 cells, some straddling 3 km circles.
      const records = Array.from({ length: 3000 }, (_, i) => {
        const site = SITES[i % 3];
        const angle = i * 2.399963;
        const km = 5 * Math.sqrt((i % 997) / 997);
        return record({ lon: site.lon + (km / 103) * Math.cos(angle), lat: site.lat + (km / 111) * Math.sin(angle) });
      });
      const table = tableOf(records, { sites: SITES, channels: CHANNELS });
      const grid = new SiteGrid(
        SITES.map((site) => site.lon),
        SITES.map((site) => site.lat),
        3,
      );
      const searched = attributeRows(table, 'site', SITES.map((site) => site.id), (x, y) => grid.nearest(x, y));
      expect(Array.from(table.site)).toEqual(Array.from(searched.index));
      expect(new Set(table.site).size).toBeGreaterThan(2);
      const channelGrid = new ChannelGrid(CHANNELS, 3);
      const searchedChannels = attributeRows(table, 'channel', CHANNELS.map((channel) => channel.id), (x, y) => channelGrid.nearest(x, y));
      expect(Array.from(table.channel)).toEqual(Array.from(searchedChannels.index));
      expect(new Set(table.channel).size).toBeGreaterThan(1);
    });

    it('honours the radius and re-attributes for another one', () => {
      const table = tableOf([record({ lon: near[0], lat: near[1] })], { sites: SITES, siteRadiusKm: 0.5 });
      expect(table.site[0]).toBe(0);
      const caches = new QueryCaches();
      const wider = attributeSites(table, SITES, 3, caches);
      expect(wider.ids[wider.index[0] - 1]).toBe('gongbei_port');
      expect(attributeSites(table, SITES, 3, caches)).toBe(wider);
      expect(attributeSites(table, SITES, 0.5).index).toBe(table.site);
    });

    it('attributes channels: explicit, else the nearest polyline within the radius', () => {
      const table = tableOf(
        [
          record({ lon: 113.5455, lat: 22.1420 }), // ≈ 180 m north of the Lotus Bridge
          record({ lon: 114.105, lat: 22.45 }), // ≈ 500 m east of east_line's second segment
          record({ lon: 113.7, lat: 22.0 }),
          record({ lon: 113.7, lat: 22.0, channel: 'hzmb' }),
        ],
        { channels: CHANNELS, siteRadiusKm: 1 },
      );
      const named = (i: number): string | null => (table.channel[i] === 0 ? null : table.channelIds[table.channel[i] - 1]);
      expect([0, 1, 2, 3].map(named)).toEqual(['lotus_bridge', 'east_line', null, 'hzmb']);
    });
  });
});
