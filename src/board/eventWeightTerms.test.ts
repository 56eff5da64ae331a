import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { BoardDataService } from './BoardDataService.ts';
import { buildDemoChunks } from './buildDemoChunks.ts';
import { eventWeightTerms } from './eventWeightTerms.ts';

const NOW = Date.UTC(2026, 10, 20, 4);
const DAY_MS = 86_400_000;

const weight = fc.double({ min: 0.05, max: 5, noNaN: true });
const params = fc.record({
  halfLifeDays: fc.double({ min: 0.5, max: 60, noNaN: true }),
  windowDays: fc.integer({ min: 3, max: 60 }),
  categoryWeights: fc.record(Object.fromEntries(CATEGORY_KEYS.map((key) => [key, weight])) as Record<(typeof CATEGORY_KEYS)[number], fc.Arbitrary<number>>),
  reliability: fc.record(Object.fromEntries(RELIABILITY_LETTERS.map((letter) => [letter, weight])) as Record<(typeof RELIABILITY_LETTERS)[number], fc.Arbitrary<number>>),
  credibility: fc.record({ 1: weight, 2: weight, 3: weight, 4: weight, 5: weight, 6: weight }),
});

describe('eventWeightTerms', () => {
  it('works out the weight the engine gives every contributing event, under random weights', async () => {
    const board = new BoardDataService({ loadStoredChunks: async () => buildDemoChunks(NOW, 3_000), buildDemoChunks: () => [], now: () => NOW });
    await board.load();
    let requestId = 0;
    await fc.assert(
      fc.asyncProperty(params, fc.integer({ min: 0, max: 4 }), async (model, pick) => {
        const query = {
          time: NOW,
          windowMs: model.windowDays * DAY_MS,
          halfLifeMs: model.halfLifeDays * DAY_MS,
          categoryWeights: model.categoryWeights,
          reliability: model.reliability,
          credibility: model.credibility,
        };
        const answer = await board.boardQuery({ requestId: ++requestId, params: query, filters: {} });
        const hotspot = answer.hotspots[Math.min(pick, answer.hotspots.length - 1)];
        const details = await board.details({
          requestId: ++requestId,
          selection: { kind: 'hotspot', cell: hotspot.cell },
          params: query,
          filters: {},
          sort: { key: 'weight', descending: true },
          page: 0,
          pageSize: 10_000,
        });
        expect(details.events).toHaveLength(details.totalEvents);
        let sum = 0;
        for (const event of details.events) {
          const terms = eventWeightTerms(event, details.weights, details.time);
          expect(terms.weight).toBeCloseTo(event.weight, 12);
          expect(Math.abs(terms.weight - event.weight)).toBeLessThanOrEqual(1e-12 * event.weight);
          sum += terms.weight;
        }
        expect(sum).toBeCloseTo(details.score, 9);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('scores an ungraded record as F6 and measures age from the start of its second', () => {
    const weights = { category: { tobacco: 2, other: 1 }, reliability: { F: 0.5 }, credibility: { '6': 0.5 }, halfLifeDays: 7, windowDays: 30 };
    const time = Date.UTC(2026, 10, 20);
    const terms = eventWeightTerms({ category: 'tobacco', severity: 5, grading: null, time: time - 7 * DAY_MS - 999 }, weights, time);
    expect(terms).toMatchObject({ letter: 'F', digit: '6', graded: false, categoryWeight: 2, ageMs: 7 * DAY_MS + 1000 });
    expect(terms.weight).toBeCloseTo(2 * 1 * 0.25 * 2 ** (-(7 * DAY_MS + 1000) / (7 * DAY_MS)), 15);
    expect(eventWeightTerms({ category: 'mystery', severity: 5, grading: 'F6', time }, weights, time).categoryWeight).toBe(1);
  });
});
