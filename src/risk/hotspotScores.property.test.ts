import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { eventWeight } from './accumulateWeights.ts';
import { computeHotspots } from './computeHotspots.ts';
import { prepareQuery } from './prepareQuery.ts';
import { computeSiteRisk } from './computeSiteRisk.ts';
import {
  DEFAULT_CREDIBILITY,
  DEFAULT_RELIABILITY,
  resolveRiskParams,
  type CredibilityDigit,
  type ReliabilityLetter,
} from './RiskParams.ts';
import { DAY, record, SITES, T, tableOf } from './testFixtures.ts';

const arbitraryRecord: fc.Arbitrary<FeedRecord> = fc
  .record({
    lon: fc.double({ min: 113.0, max: 114.5, noNaN: true }),
    lat: fc.double({ min: 21.8, max: 23.2, noNaN: true }),
    seconds: fc.integer({ min: -45 * 86_400, max: 2 * 86_400 }),
    category: fc.constantFrom(...CATEGORY_KEYS),
    kind: fc.constantFrom(...RECORD_KINDS),
    severity: fc.integer({ min: 1, max: 5 }),
    grading: fc.option(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), fc.integer({ min: 1, max: 6 })), {
      nil: null,
    }),
  })
  .map((r) =>
    record({
      lon: r.lon,
      lat: r.lat,
      time: T + r.seconds * 1000,
      category: r.category,
      kind: r.kind,
      severity: r.severity,
      grading: r.grading === null ? null : `${r.grading[0]}${r.grading[1]}`,
    }),
  );

/** The model written out directly from the record, independent of the table and its lookups. */
function modelWeight(r: FeedRecord, windowMs: number, halfLifeMs: number, categoryWeight: number): number {
  if (r.time > T || T - r.time > windowMs) return 0;
  const grading = r.grading ?? 'F6';
  return (
    categoryWeight *
    (r.severity / 5) *
    DEFAULT_RELIABILITY[grading[0] as ReliabilityLetter] *
    DEFAULT_CREDIBILITY[Number(grading[1]) as CredibilityDigit] *
    2 ** (-(T - r.time) / halfLifeMs)
  );
}

describe('hotspot scores (property)', () => {
  it('sum to the sum of event weights, at every resolution and for any window', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRecord, { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 5, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (records, resolution, windowDays, halfLifeDays, narcoticsWeight) => {
          const table = tableOf(records, { sites: SITES });
          const windowMs = windowDays * DAY;
          const halfLifeMs = halfLifeDays * DAY;
          const params = { time: T, resolution, windowMs, halfLifeMs, categoryWeights: { narcotics: narcoticsWeight } };
          const result = computeHotspots(table, params);
          let expected = 0;
          let expectedCount = 0;
          for (const r of records) {
            const w = modelWeight(r, windowMs, halfLifeMs, r.category === 'narcotics' ? narcoticsWeight : 1);
            expected += w;
            if (r.time <= T && T - r.time <= windowMs) expectedCount++;
          }
          const sum = Array.from(result.scores).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(expected, 9);
          expect(result.totalScore).toBeCloseTo(expected, 9);
          expect(result.totalCount).toBe(expectedCount);
          const query = prepareQuery(table, resolveRiskParams(params));
          records.forEach((r, row) => {
            const w = modelWeight(r, windowMs, halfLifeMs, r.category === 'narcotics' ? narcoticsWeight : 1);
            expect(eventWeight(table, query, row)).toBeCloseTo(w, 12);
          });
          for (let k = 1; k < result.scores.length; k++) expect(result.scores[k]).toBeLessThanOrEqual(result.scores[k - 1]);

          // Sites partition the same events, with the unattributed ones left over.
          const { sites } = computeSiteRisk(table, params, null, SITES, []);
          const attributed = Array.from(sites.scores).reduce((a, b) => a + b, 0);
          expect(attributed).toBeLessThanOrEqual(expected + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
