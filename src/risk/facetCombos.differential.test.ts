import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { admitCategories, fillCategoryHistogram } from './categoryHistogram.ts';
import { emptyTimeHistogram } from './computeTimeHistogram.ts';
import type { EventTable } from './EventTable.ts';
import { buildFacetCombos } from './FacetCombos.ts';
import { buildFacetPlan, placeFilters } from './FacetPlan.ts';
import { engineOfRiskCase } from './reference/engineOfRiskCase.ts';
import { buildRiskCase, riskCaseSpecArbitrary } from './reference/randomRiskCase.ts';
import type { RiskFilters } from './RiskFilters.ts';
import { summarizeCombos } from './summarizeCombos.ts';
import { summarizeWindow, type WindowSummary } from './summarizeWindow.ts';

/**
 * The facet pass over combinations (summarizeCombos) and the histogram kept without its category
 * filter (fillCategoryHistogram + admitCategories) against the plain row-by-row pass
 * (summarizeWindow), exactly: the same counts, and the same sums of values to the last bit, on
 * random tables, windows, filters, place masks and values, through both ways of numbering the
 * combinations. `DIFF_RUNS=n` runs n cases.
 */

const runs = Number(process.env.DIFF_RUNS ?? 0) || 40;
const SECOND = 1000;
const DAY = 86_400_000;

/** Each row's value: none, or spread over magnitudes so that the order of adding shows in the sum. */
function valuesOf(table: EventTable, seed: number): Float64Array {
  const values = new Float64Array(table.count);
  let state = seed | 0;
  for (let i = 0; i < table.count; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
    const u = (state >>> 0) / 2 ** 32;
    values[i] = u < 0.3 ? Number.NaN : u * 10 ** Math.floor(u * 13) - 3.7;
  }
  return values;
}

/** Every number of a window summary, in a fixed order (Object.is distinguishes what toEqual may not). */
function numbersOf(summary: WindowSummary): number[] {
  const { facets, figures } = summary;
  return [
    ...Object.values(facets).flatMap((counts: Uint32Array) => [...counts]),
    figures.events,
    figures.valueCny,
    figures.clues,
    ...figures.eventsBySource,
    ...figures.valueBySource,
  ];
}

function sameNumbers(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  const differing = actual.flatMap((value, k) => (Object.is(value, expected[k]) ? [] : [`#${k}: ${value} ≠ ${expected[k]}`]));
  expect(differing).toEqual([]);
}

const categoriesArbitrary = fc.option(fc.subarray([...CATEGORY_KEYS] as CategoryKey[]), { nil: undefined });

/** The filters beside the categories at a step: kept, the case's own, none, or one of a few others. */
const othersArbitrary: fc.Arbitrary<'keep' | 'case' | RiskFilters> = fc.oneof(
  fc.constantFrom<'keep' | 'case'>('keep', 'case'),
  fc.constant({}),
  fc.record({ severityMin: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kinds: fc.subarray([...RECORD_KINDS]) }),
  fc.record({ modes: fc.subarray([null, ...TRANSPORT_MODES]) }),
);

describe('facets over combinations against the row-by-row pass', () => {
  it('gives the same facets, figures and histogram, and the histogram kept for other categories serves any', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 0, maxSize: 400 }),
        fc.record({
          windowStart: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
          windowDays: fc.oneof(fc.constantFrom(0, 1 / 86_400, 1, 30, 400), fc.double({ min: 0, max: 90, noNaN: true })),
          placeMask: fc.constantFrom('none', 'filters', 'random'),
          maskSeed: fc.integer(),
          valueSeed: fc.integer(),
          dense: fc.boolean(),
          otherCategories: categoriesArbitrary,
        }),
        async (spec, extra) => {
          const riskCase = buildRiskCase(spec);
          const engine = await engineOfRiskCase(riskCase);
          const { table } = engine;
          const filters: RiskFilters = riskCase.filters;
          const combos = buildFacetCombos(table, extra.dense ? undefined : 0);
          // Every row's codes are its combination's.
          for (let i = 0; i < table.count; i++) {
            const c = combos.combo[i];
            expect([combos.category[c], combos.kind[c], combos.mode[c], combos.source[c], combos.severity[c], combos.grading[c]]).toEqual([
              table.category[i],
              table.kind[i],
              table.mode[i],
              table.source[i],
              table.severity[i],
              table.grading[i],
            ]);
          }
          const values = valuesOf(table, extra.valueSeed);
          const placeMask =
            extra.placeMask === 'none'
              ? null
              : extra.placeMask === 'filters'
                ? buildFilterMask(table, placeFilters(filters))
                : Uint8Array.from({ length: table.count }, (_, i) => (Math.imul(i + 1, extra.maskSeed | 1) >>> 7) & 1);
          const span = table.count === 0 ? 0 : table.time.reduce((a, b) => Math.max(a, b), 0);
          const fromSec = Math.floor(extra.windowStart * span);
          const toSec = fromSec + Math.floor((extra.windowDays * DAY) / SECOND);
          const plan = buildFacetPlan(filters, table.sources);

          const range = engine.timeRange() ?? { min: 0, max: 0 };
          const plainHistogram = emptyTimeHistogram(range.min, range.max, table.count === 0);
          const plain = summarizeWindow(table, fromSec, toSec, plan, placeMask, values, { histogram: plainHistogram });
          sameNumbers(numbersOf(summarizeCombos(table, combos, fromSec, toSec, plan, placeMask, values)), numbersOf(plain));

          // The histogram kept for the same filters with other categories, admitted for these ones.
          const kept = emptyTimeHistogram(range.min, range.max, table.count === 0);
          fillCategoryHistogram(table, combos, buildFacetPlan({ ...filters, categories: extra.otherCategories }, table.sources), placeMask, kept);
          const admitted = admitCategories(kept, plan);
          expect([admitted.start, admitted.binMs, admitted.bins, admitted.categories]).toEqual([plainHistogram.start, plainHistogram.binMs, plainHistogram.bins, plainHistogram.categories]);
          expect([...admitted.counts]).toEqual([...plainHistogram.counts]);
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);

  it('RiskEngine: windowAnswer and histogram equal the plain pass over a sequence of filter changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 1, maxSize: 300 }),
        fc.array(fc.tuple(othersArbitrary, categoriesArbitrary, fc.integer({ min: -40, max: 40 })), { minLength: 2, maxLength: 6 }),
        async (spec, changes) => {
          const riskCase = buildRiskCase(spec);
          const engine = await engineOfRiskCase(riskCase);
          const { table } = engine;
          const values = new Float64Array(table.count);
          table.chunks.forEach((chunk, c) => {
            for (let r = table.chunkStart[c]; r < table.chunkStart[c + 1]; r++) values[r] = chunk.columns.valueCny[table.chunkRow[r]];
          });
          const range = engine.timeRange() ?? { min: 0, max: 0 };
          let filters: RiskFilters = riskCase.filters;
          for (const [others, categories, hours] of changes) {
            // A category toggle keeps the other filters (the kept histogram serves); else they change.
            const rest = others === 'keep' ? filters : others === 'case' ? riskCase.filters : others;
            filters = { ...rest, categories };
            const params = { ...riskCase.params, time: riskCase.params.time + hours * 3_600_000 };
            const answer = engine.windowAnswer(params, filters, null);
            const fromMs = params.time - (params.windowMs ?? 30 * DAY) - table.baseTime;
            const plan = buildFacetPlan(filters, table.sources);
            const histogram = emptyTimeHistogram(range.min, range.max, table.count === 0);
            const plain = summarizeWindow(table, Math.ceil(fromMs / SECOND), Math.floor((params.time - table.baseTime) / SECOND), plan, buildFilterMask(table, placeFilters(filters)), values, { histogram });
            sameNumbers(numbersOf(answer), numbersOf(plain));
            expect([...answer.histogram.counts]).toEqual([...histogram.counts]);
            expect([...engine.histogram(filters).counts]).toEqual([...histogram.counts]);
          }
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);
});
