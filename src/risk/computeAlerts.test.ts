import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { computeAlerts } from './computeAlerts.ts';
import { poissonUpperTail } from './poissonTail.ts';
import { DAY, GONGBEI, GUANGZHOU_SOUTH, HOUR, LOK_MA_CHAU, record, SITES, T, tableOf } from './testFixtures.ts';

/** `perDay` events a day at a place over the 28-day baseline before the last 24 h. */
function baseline([lon, lat]: [number, number], perDay: number): FeedRecord[] {
  const out: FeedRecord[] = [];
  for (let day = 0; day < 28; day++) {
    for (let k = 0; k < perDay; k++) out.push(record({ lon, lat, time: T - DAY - day * DAY - (k + 1) * 60_000 }));
  }
  return out;
}

/** `count` events in the last 24 h at a place, the first `firstAgo` ms before T. */
function recent([lon, lat]: [number, number], count: number, firstAgo = 20 * HOUR): FeedRecord[] {
  return Array.from({ length: count }, (_, k) => record({ lon, lat, time: T - firstAgo + k * 60_000 }));
}

describe('computeAlerts', () => {
  it('alerts on a spike in a cell and at its site', () => {
    const table = tableOf([...baseline(GONGBEI, 1), ...recent(GONGBEI, 10)], { sites: SITES });
    const { cells, sites } = computeAlerts(table, { time: T }, null);
    expect(cells).toHaveLength(1);
    const [alert] = cells;
    const cell = latLngToCell(GONGBEI[1], GONGBEI[0], 7);
    const [lat, lon] = cellToLatLng(cell);
    expect(alert).toMatchObject({ target: 'cell', id: cell, observed: 10, baselineCount: 28, lon, lat, since: T - 20 * HOUR });
    // 28 events over 28 days → 1 per day, plus the 0.5 prior.
    expect(alert.expected).toBeCloseTo(1.5, 12);
    expect(alert.probability).toBeCloseTo(poissonUpperTail(10, 1.5), 15);
    expect(alert.probability).toBeLessThan(1e-5);
    expect(sites.map((s) => [s.id, s.observed, s.lon, s.lat])).toEqual([['gongbei_port', 10, SITES[0].lon, SITES[0].lat]]);
  });

  it('does not alert on a quiet cell with a few events', () => {
    const table = tableOf(recent(GONGBEI, 3));
    // P(X ≥ 3 | 0.5) ≈ 0.0144 > 0.001.
    expect(computeAlerts(table, { time: T }, null).cells).toEqual([]);
    expect(computeAlerts(tableOf(recent(GONGBEI, 6)), { time: T }, null).cells).toHaveLength(1);
  });

  it('does not alert on a steady high-volume cell', () => {
    const table = tableOf([...baseline(LOK_MA_CHAU, 40), ...recent(LOK_MA_CHAU, 40)]);
    expect(computeAlerts(table, { time: T }, null).cells).toEqual([]);
  });

  it('respects minCount, the threshold and the window edges', () => {
    const table = tableOf([...recent(GONGBEI, 5), record({ time: T - DAY }), record({ time: T + 1000 })]);
    const [alert] = computeAlerts(table, { time: T }, null).cells;
    // T − 24 h belongs to the baseline, after T to neither.
    expect(alert.observed).toBe(5);
    expect(alert.baselineCount).toBe(1);
    expect(alert.expected).toBeCloseTo(1 / 28 + 0.5, 12);
    expect(computeAlerts(table, { time: T }, null, { minCount: 6 }).cells).toEqual([]);
    expect(computeAlerts(table, { time: T }, null, { pThreshold: 1e-9 }).cells).toEqual([]);
    expect(computeAlerts(table, { time: T }, { categories: ['tobacco'] }).cells).toEqual([]);
  });

  it('sorts by probability, then id, and is deterministic', () => {
    const table = tableOf([...recent(GONGBEI, 8), ...recent(GUANGZHOU_SOUTH, 12), ...recent(LOK_MA_CHAU, 8)]);
    const { cells } = computeAlerts(table, { time: T }, null);
    const ids = [GUANGZHOU_SOUTH, ...[GONGBEI, LOK_MA_CHAU].sort((a, b) => {
      const [x, y] = [latLngToCell(a[1], a[0], 7), latLngToCell(b[1], b[0], 7)];
      return x < y ? -1 : 1;
    })].map(([lon, lat]) => latLngToCell(lat, lon, 7));
    expect(cells.map((a) => a.id)).toEqual(ids);
    expect(computeAlerts(table, { time: T }, null)).toEqual({ cells, sites: [] });
  });

  it('uses the chosen resolution and a custom recent window', () => {
    const table = tableOf(recent(GONGBEI, 6, 40 * HOUR));
    expect(computeAlerts(table, { time: T }, null).cells).toEqual([]);
    const [alert] = computeAlerts(table, { time: T, resolution: 9 }, null, { recentHours: 48 }).cells;
    expect(alert.id).toBe(latLngToCell(GONGBEI[1], GONGBEI[0], 9));
    expect(alert.expected).toBeCloseTo(0.5, 12);
  });
});
