import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { cellHalvesToHex } from './cellHalves.ts';
import { computeHotspots } from './computeHotspots.ts';
import { describeHotspots } from './describeHotspots.ts';
import type { RiskParams } from './RiskParams.ts';
import { DAY, GONGBEI, GUANGZHOU_SOUTH, LOK_MA_CHAU, record, SITES, T, tableOf } from './testFixtures.ts';

/** Score of the single hotspot made by one record. */
function scoreOf(fields: Partial<FeedRecord>, params: Partial<RiskParams> = {}): number {
  const result = computeHotspots(tableOf([record(fields)]), { time: T, ...params });
  return result.scores.length === 0 ? 0 : result.scores[0];
}

describe('computeHotspots', () => {
  describe('event weight', () => {
    it('is 1 for a fresh severity-5 A1 event of weight-1 category', () => {
      expect(scoreOf({})).toBeCloseTo(1, 12);
    });

    it('scales with severity / 5', () => {
      expect(scoreOf({ severity: 3 })).toBeCloseTo(0.6, 12);
      expect(scoreOf({ severity: 1 })).toBeCloseTo(0.2, 12);
    });

    it('applies the category weight', () => {
      expect(scoreOf({ category: 'tobacco' }, { categoryWeights: { tobacco: 2.5 } })).toBeCloseTo(2.5, 12);
      expect(scoreOf({ category: 'narcotics' }, { categoryWeights: { tobacco: 2.5 } })).toBeCloseTo(1, 12);
    });

    it.each([
      ['A1', 1],
      ['B1', 0.8],
      ['C1', 0.6],
      ['D1', 0.4],
      ['E1', 0.2],
      ['F1', 0.5],
      ['A2', 0.8],
      ['A3', 0.6],
      ['A4', 0.4],
      ['A5', 0.2],
      ['A6', 0.5],
      ['B2', 0.64],
      ['E5', 0.04],
    ])('weighs grading %s as %f by default', (grading, weight) => {
      expect(scoreOf({ grading })).toBeCloseTo(weight, 12);
    });

    it('scores an ungraded record as F6', () => {
      expect(scoreOf({ grading: null })).toBeCloseTo(0.25, 12);
      expect(scoreOf({ grading: null }, { reliability: { F: 1 }, credibility: { 6: 0.1 } })).toBeCloseTo(0.1, 12);
    });

    it('takes configured reliability and credibility tables', () => {
      expect(scoreOf({ grading: 'C3' }, { reliability: { C: 0.9 }, credibility: { 3: 0.5 } })).toBeCloseTo(0.45, 12);
    });

    it('halves every half-life', () => {
      expect(scoreOf({ time: T - 7 * DAY })).toBeCloseTo(0.5, 12);
      expect(scoreOf({ time: T - 14 * DAY })).toBeCloseTo(0.25, 12);
      expect(scoreOf({ time: T - 2 * DAY }, { halfLifeMs: 2 * DAY })).toBeCloseTo(0.5, 12);
    });

    it('decays by the exact age when T falls between whole seconds', () => {
      expect(scoreOf({ time: T - 7 * DAY }, { time: T + 500 })).toBeCloseTo(2 ** (-(7 * DAY + 500) / (7 * DAY)), 14);
      expect(scoreOf({ time: T }, { time: T + 7 * DAY + 250 })).toBeCloseTo(2 ** (-(7 * DAY + 250) / (7 * DAY)), 14);
    });

    it('multiplies all factors', () => {
      const w = scoreOf(
        { category: 'firearms', severity: 4, grading: 'B3', time: T - 7 * DAY },
        { categoryWeights: { firearms: 3 } },
      );
      expect(w).toBeCloseTo(3 * 0.8 * 0.8 * 0.6 * 0.5, 12);
    });
  });

  describe('window', () => {
    const window = 30 * DAY;
    it('includes t = T and t = T − window, excludes t > T and t < T − window', () => {
      expect(scoreOf({ time: T })).toBeCloseTo(1, 12);
      expect(scoreOf({ time: T - window })).toBeCloseTo(2 ** (-30 / 7), 12);
      expect(scoreOf({ time: T + 1000 })).toBe(0);
      expect(scoreOf({ time: T - window - 1000 })).toBe(0);
    });

    it('counts only events inside the window', () => {
      const table = tableOf([
        record({ time: T }),
        record({ time: T - window }),
        record({ time: T + 1000 }),
        record({ time: T - window - 1000 }),
      ]);
      const result = computeHotspots(table, { time: T });
      expect(Array.from(result.counts)).toEqual([2]);
      expect(result.totalCount).toBe(2);
    });

    it('honours a custom window', () => {
      expect(scoreOf({ time: T - 3 * DAY }, { windowMs: 2 * DAY })).toBe(0);
    });
  });

  it('ranks by score, then by cell id on ties', () => {
    const points = [GUANGZHOU_SOUTH, LOK_MA_CHAU, GONGBEI];
    const table = tableOf(points.map(([lon, lat]) => record({ lon, lat })));
    const result = computeHotspots(table, { time: T });
    const ids = Array.from(result.cells, (_, k) => cellHalvesToHex(result.cellHigh[k], result.cellLow[k]));
    expect(ids).toEqual(points.map(([lon, lat]) => latLngToCell(lat, lon, 7)).sort());

    const heavier = tableOf([...points.map(([lon, lat]) => record({ lon, lat })), record({ lon: LOK_MA_CHAU[0], lat: LOK_MA_CHAU[1] })]);
    const ranked = computeHotspots(heavier, { time: T });
    expect(cellHalvesToHex(ranked.cellHigh[0], ranked.cellLow[0])).toBe(latLngToCell(LOK_MA_CHAU[1], LOK_MA_CHAU[0], 7));
    expect(Array.from(ranked.scores)).toEqual([2, 1, 1]);
  });

  it.each([5, 6, 7, 8, 9])('aggregates at resolution %i', (resolution) => {
    const near = [GONGBEI[0] + 0.0002, GONGBEI[1]] as const;
    const table = tableOf([record(), record({ lon: near[0], lat: near[1] }), record({ lon: LOK_MA_CHAU[0], lat: LOK_MA_CHAU[1] })]);
    const result = computeHotspots(table, { time: T, resolution });
    const ids = Array.from(result.cells, (_, k) => cellHalvesToHex(result.cellHigh[k], result.cellLow[k]));
    const expected = new Map<string, number>();
    for (const [lon, lat] of [GONGBEI, near, LOK_MA_CHAU]) {
      const cell = cellToParent(latLngToCell(lat, lon, 9), resolution);
      expected.set(cell, (expected.get(cell) ?? 0) + 1);
    }
    expect(new Map(ids.map((id, k) => [id, result.counts[k]]))).toEqual(expected);
    expect(result.resolution).toBe(resolution);
  });

  it('rejects parameters the model cannot use', () => {
    const table = tableOf([record()]);
    expect(() => computeHotspots(table, { time: T, resolution: 4 })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, resolution: 10 })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, resolution: 7.5 })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, halfLifeMs: 0 })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, windowMs: -1 })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, categoryWeights: { tobacco: -1 } })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: T, reliability: { A: Number.NaN } })).toThrow(RangeError);
    expect(() => computeHotspots(table, { time: Number.NaN })).toThrow(RangeError);
  });

  it('handles an empty table and a zero window', () => {
    const empty = computeHotspots(tableOf([]), { time: T });
    expect(empty.cells.length).toBe(0);
    expect(empty.totalScore).toBe(0);
    const zero = computeHotspots(tableOf([record(), record({ time: T - 1000 })]), { time: T, windowMs: 0 });
    expect(Array.from(zero.counts)).toEqual([1]);
  });

  it('reports the trend against the same window one period earlier', () => {
    const table = tableOf([
      record({ time: T - 2 * DAY }),
      record({ time: T - 35 * DAY }),
      record({ time: T - 37 * DAY, severity: 1 }),
      record({ time: T - 61 * DAY }),
    ]);
    const result = computeHotspots(table, { time: T });
    expect(result.scores[0]).toBeCloseTo(2 ** (-2 / 7), 12);
    expect(result.previous[0]).toBeCloseTo(2 ** (-5 / 7) + 0.2 * 2 ** (-7 / 7), 12);
    const [summary] = describeHotspots(result, table);
    expect(summary.trend.now).toBe(result.scores[0]);
    expect(summary.trend.ratio).toBeCloseTo(result.scores[0] / result.previous[0], 12);
  });

  it('breaks the top hotspots down and names them', () => {
    const table = tableOf(
      [
        record({ id: 'n1', category: 'narcotics', source: 'GACC-GD', kind: 'seizure' }),
        record({ id: 'n2', category: 'narcotics', source: 'HKCED', kind: 'clue', severity: 3 }),
        record({ id: 't1', category: 'tobacco', source: 'HKCED', kind: 'seizure', severity: 1 }),
        record({ id: 'old', category: 'tobacco', time: T - 7 * DAY, severity: 3 }),
        record({ id: 'x', lon: LOK_MA_CHAU[0], lat: LOK_MA_CHAU[1] }),
      ],
      { sites: SITES },
    );
    const result = computeHotspots(table, { time: T, topN: 1 });
    expect(result.cells.length).toBe(2);
    expect(result.details.groups.length).toBe(1);
    const [top, ...rest] = describeHotspots(result, table);
    expect(rest).toEqual([]);
    const score = 1 + 0.6 + 0.2 + 0.6 * 0.5;
    expect(top.score).toBeCloseTo(score, 12);
    expect(top.count).toBe(4);
    expect(top.byCategory.narcotics).toBeCloseTo(1.6 / score, 12);
    expect(top.byCategory.tobacco).toBeCloseTo(0.5 / score, 12);
    expect(top.bySource).toEqual({ 'GACC-GD': expect.closeTo(1.3 / score, 12), HKCED: expect.closeTo(0.8 / score, 12) });
    expect(top.byKind.clue).toBeCloseTo(0.6 / score, 12);
    expect(top.topEvents.map((e) => e.id)).toEqual(['n1', 'n2', 'old', 't1']);
    expect(top.topEvents[0]).toMatchObject({ row: 0, chunk: 0, chunkRow: 0, source: 'GACC-GD', weight: 1 });
    expect(top.cell).toBe(latLngToCell(GONGBEI[1], GONGBEI[0], 7));
    const [lat, lon] = cellToLatLng(top.cell);
    expect([top.lat, top.lon]).toEqual([lat, lon]);
    expect(top.nearestSite?.id).toMatch(/gongbei_port|macao_border_gate/);
  });

  it('keeps the five heaviest events, earlier rows first on equal weight', () => {
    const table = tableOf(Array.from({ length: 8 }, (_, i) => record({ id: `e${i}`, severity: i < 2 ? 1 : 5 })));
    const [top] = describeHotspots(computeHotspots(table, { time: T }), table);
    expect(top.topEvents.map((e) => e.id)).toEqual(['e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('accepts a prebuilt filter mask', () => {
    const table = tableOf([record(), record({ severity: 1 })]);
    const result = computeHotspots(table, { time: T }, Uint8Array.of(0, 1));
    expect(result.scores[0]).toBeCloseTo(0.2, 12);
  });
});

describe('computeHotspots on many time blocks', () => {
  /** Events every `stepSec` seconds back from T at two places, with varied severity and grading. */
  function series(count: number, stepSec: number): FeedRecord[] {
    return Array.from({ length: count }, (_, k) =>
      record({
        time: T - (count - 1 - k) * stepSec * 1000 - (k % 3) * 250,
        lon: k % 2 === 0 ? GONGBEI[0] : LOK_MA_CHAU[0],
        lat: k % 2 === 0 ? GONGBEI[1] : LOK_MA_CHAU[1],
        severity: 1 + (k % 5),
        grading: k % 4 === 0 ? null : 'B2',
      }),
    );
  }

  /** The model's formula, event by event, with Math.pow for the decay. */
  function expectedScores(records: FeedRecord[], time: number, windowMs: number, halfLifeMs: number): Map<number, number> {
    const byLon = new Map<number, number>();
    for (const r of records) {
      const seconds = Math.floor(r.time / 1000) * 1000;
      if (seconds > time || seconds < time - windowMs) continue;
      const grading = r.grading === null ? 0.5 * 0.5 : 0.8 * 0.8;
      const w = (r.severity / 5) * grading * 2 ** (-(time - seconds) / halfLifeMs);
      byLon.set(r.lon, (byLon.get(r.lon) ?? 0) + w);
    }
    return byLon;
  }

  it.each([
    ['narrow blocks (events a minute apart), with breakdowns', 60, 200],
    ['narrow blocks (events a minute apart), without breakdowns', 60, 0],
    ['wide blocks (events an hour apart)', 3600, 200],
  ])('scores %s as the formula does, for the current and the previous window', (_, stepSec, topN) => {
    const records = series(6000, stepSec);
    const table = tableOf(records);
    const windowMs = Math.round(((6000 * stepSec) / 3) * 1000);
    const time = T - 1234;
    const result = computeHotspots(table, { time, windowMs, resolution: 7, topN });
    const now = expectedScores(records, time, windowMs, 7 * DAY);
    const before = expectedScores(records, time - windowMs, windowMs, 7 * DAY);
    expect(result.scores.length).toBe(2);
    for (let rank = 0; rank < 2; rank++) {
      const lon = cellToLatLng(cellHalvesToHex(result.cellHigh[rank], result.cellLow[rank]))[1];
      const place = Math.abs(lon - GONGBEI[0]) < 0.1 ? GONGBEI[0] : LOK_MA_CHAU[0];
      expect(result.scores[rank] / now.get(place)!).toBeCloseTo(1, 12);
      expect(result.previous[rank] / before.get(place)!).toBeCloseTo(1, 12);
    }
  });

  it('gives the same scores whatever the row order (blocks of mixed times)', () => {
    const records = series(5000, 60);
    const shuffled = records.map((r, k) => records[(k * 2459) % records.length]);
    const params = { time: T, windowMs: 2 * DAY, halfLifeMs: 3 * 3600 * 1000 };
    const sorted = computeHotspots(tableOf(records), params);
    const mixed = computeHotspots(tableOf(shuffled), params);
    expect(Array.from(mixed.counts)).toEqual(Array.from(sorted.counts));
    mixed.scores.forEach((score, rank) => expect(score / sorted.scores[rank]).toBeCloseTo(1, 12));
  });

  it('skips the previous window without trend, with the same current scores', () => {
    const table = tableOf(series(3000, 60));
    const withTrend = computeHotspots(table, { time: T, windowMs: DAY / 4 });
    const without = computeHotspots(table, { time: T, windowMs: DAY / 4, trend: false });
    expect(Array.from(without.scores)).toEqual(Array.from(withTrend.scores));
    expect(Array.from(without.counts)).toEqual(Array.from(withTrend.counts));
    expect(withTrend.previous.every((p) => p > 0)).toBe(true);
    expect(without.previous.every((p) => Number.isNaN(p))).toBe(true);
  });
});
