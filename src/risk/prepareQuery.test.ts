import { describe, expect, it } from 'vitest';
import { computeHotspots } from './computeHotspots.ts';
import { record, T, tableOf } from './testFixtures.ts';

describe('prepareQuery', () => {
  it('decays exactly under a half-life of milliseconds, however far T lies from the table base', () => {
    // The first row puts the table's base second a year before T; the second is 966 ms old.
    const at = T + 966;
    const table = tableOf([record({ time: T - 365 * 86_400_000 }), record({ time: T, lon: 114.0741, lat: 22.5094 })]);
    const halfLifeMs = 17;
    const result = computeHotspots(table, { time: at, halfLifeMs, windowMs: 1000 });
    expect(result.totalCount).toBe(1);
    const expected = 2 ** (-966 / halfLifeMs);
    expect(Math.abs(result.scores[0] - expected) / expected).toBeLessThan(1e-12);
  });
});
