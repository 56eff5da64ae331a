import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { computeHotspots } from './computeHotspots.ts';
import type { RiskFilters } from './RiskFilters.ts';
import { GONGBEI, LOK_MA_CHAU, record, SITES, T, tableOf } from './testFixtures.ts';

const records: FeedRecord[] = [
  record({ id: '0', category: 'narcotics', kind: 'seizure', source: 'GACC-GD', mode: 'sea', severity: 5, grading: 'A1' }),
  record({ id: '1', category: 'tobacco', kind: 'clue', source: 'HKCED', mode: null, severity: 2, grading: 'C4' }),
  record({ id: '2', category: 'firearms', kind: 'intelligence', source: 'MOCS', mode: 'air', severity: 3, grading: null }),
  record({
    id: '3',
    category: 'currency',
    kind: 'alert',
    source: 'HKCED',
    mode: 'land',
    severity: 1,
    grading: 'F6',
    lon: LOK_MA_CHAU[0],
    lat: LOK_MA_CHAU[1],
  }),
  record({ id: '4', category: 'tobacco', kind: 'seizure', source: 'GACC-GD', severity: 4, grading: 'B2', channel: 'hzmb' }),
];
const table = tableOf(records, { sites: SITES, siteRadiusKm: 1 });

function passing(filters: RiskFilters): number[] {
  const mask = buildFilterMask(table, filters);
  return records.map((_, i) => i).filter((i) => mask === null || mask[i] === 1);
}

describe('buildFilterMask', () => {
  it('returns null when nothing is filtered', () => {
    expect(buildFilterMask(table, {})).toBeNull();
    expect(buildFilterMask(table, { categories: undefined })).toBeNull();
  });

  it.each<[string, RiskFilters, number[]]>([
    ['category set', { categories: ['tobacco', 'currency'] }, [1, 3, 4]],
    ['empty set', { categories: [] }, []],
    ['kind set', { kinds: ['seizure'] }, [0, 4]],
    ['source set', { sources: ['HKCED', 'NOBODY'] }, [1, 3]],
    ['mode set with none', { modes: ['sea', null] }, [0, 1, 4]],
    ['severity min', { severityMin: 3 }, [0, 2, 4]],
    ['severity max', { severityMax: 2 }, [1, 3]],
    ['severity range', { severityMin: 2, severityMax: 4 }, [1, 2, 4]],
    ['reliability letters (ungraded as F)', { reliability: ['A', 'F'] }, [0, 2, 3]],
    ['minimum credibility', { minCredibility: 2 }, [0, 4]],
    ['credibility 6 admits ungraded', { minCredibility: 6, reliability: ['F'] }, [2, 3]],
    ['letters and credibility together', { reliability: ['B', 'C'], minCredibility: 3 }, [4]],
    ['attributed site', { sites: ['gongbei_port'] }, [0, 1, 2, 4]],
    ['site outside the list', { sites: ['lok_ma_chau_control_point'] }, [3]],
    ['channel', { channels: ['hzmb'] }, [4]],
    ['site or channel', { sites: ['lok_ma_chau_control_point'], channels: ['hzmb'] }, [3, 4]],
    ['combined with AND', { categories: ['tobacco'], sources: ['GACC-GD'] }, [4]],
  ])('filters by %s', (_, filters, expected) => {
    expect(passing(filters)).toEqual(expected);
  });

  it('filters by a drawn area', () => {
    const d = 0.01;
    const square: [number, number][] = [
      [GONGBEI[0] - d, GONGBEI[1] - d],
      [GONGBEI[0] + d, GONGBEI[1] - d],
      [GONGBEI[0] + d, GONGBEI[1] + d],
      [GONGBEI[0] - d, GONGBEI[1] + d],
    ];
    expect(passing({ area: square })).toEqual([0, 1, 2, 4]);
    // A U shape whose notch holds Gongbei: inside the bbox but outside the polygon.
    const u: [number, number][] = [
      [GONGBEI[0] - 2 * d, GONGBEI[1] - d],
      [GONGBEI[0] + 2 * d, GONGBEI[1] - d],
      [GONGBEI[0] + 2 * d, GONGBEI[1] + d],
      [GONGBEI[0] + d, GONGBEI[1] + d],
      [GONGBEI[0] + d, GONGBEI[1] - d / 2],
      [GONGBEI[0] - d, GONGBEI[1] - d / 2],
      [GONGBEI[0] - d, GONGBEI[1] + d],
      [GONGBEI[0] - 2 * d, GONGBEI[1] + d],
    ];
    expect(passing({ area: u })).toEqual([]);
    expect(passing({ area: [...square, square[0]] })).toEqual([0, 1, 2, 4]);
  });

  it('tests a drawn area on full-precision positions, not their Float32 copies', () => {
    // An edge at a longitude no Float32 holds: a record 1 cm east of it lies inside, though its
    // Float32 longitude (114.0) lies west of the edge.
    const edge = 114.0000001;
    const inside = record({ id: 'in', lon: edge + 1e-7, lat: 22.5 });
    const outside = record({ id: 'out', lon: edge - 2e-7, lat: 22.5 });
    expect(Math.fround(inside.lon)).toBeLessThan(edge);
    const area: [number, number][] = [
      [edge, 22.4],
      [edge + 0.01, 22.4],
      [edge + 0.01, 22.6],
      [edge, 22.6],
    ];
    expect(Array.from(buildFilterMask(tableOf([inside, outside]), { area })!)).toEqual([1, 0]);
  });

  it('drives the scores', () => {
    const all = computeHotspots(table, { time: T });
    const tobacco = computeHotspots(table, { time: T }, { categories: ['tobacco'] });
    expect(all.totalCount).toBe(5);
    expect(tobacco.totalCount).toBe(2);
    expect(tobacco.totalScore).toBeCloseTo(0.4 * 0.6 * 0.4 + 0.8 * 0.8 * 0.8, 12);
  });
});
