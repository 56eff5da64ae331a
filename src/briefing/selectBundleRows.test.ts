import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkOf, feedRecordArbitrary } from '../bundle/bundleTestSupport.ts';
import { chunkRecord } from '../bundle/chunkRecords.ts';
import { HANDLING_TALLY_KEYS, mayCarry } from '../bundle/handlingPolicy.ts';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { HANDLING_CODE_OF, HANDLING_CODES } from '../domain/handlingCodes.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { buildEventTable } from '../risk/buildEventTable.ts';
import { pointInPolygon } from '../risk/pointInPolygon.ts';
import { RiskEngine } from '../risk/RiskEngine.ts';
import { riskFiltersOf, riskParamsOf } from '../view/riskQueryOf.ts';
import { defaultViewModel, NO_MODE, type ViewFilters } from '../view/ViewState.ts';
import { handlingTallyOf, splitByHandling } from './handlingSelection.ts';
import { selectBundleRows } from './selectBundleRows.ts';

const DAY = 86_400_000;

function subsetOrNull<T>(values: readonly T[]): fc.Arbitrary<T[] | null> {
  return fc.option(
    fc.subarray([...values]).map((picked) => values.filter((value) => picked.includes(value))),
    { nil: null },
  );
}

/** View filters as the board sets them: any list, severity range, worst credibility, a drawn area over the bay. */
const viewFiltersArbitrary: fc.Arbitrary<ViewFilters> = fc
  .record({
    categories: subsetOrNull(CATEGORY_KEYS),
    kinds: subsetOrNull(RECORD_KINDS),
    modes: subsetOrNull([...TRANSPORT_MODES, NO_MODE] as const),
    sources: subsetOrNull(['GACC-GD', 'HKCED', 'MOCS', 'C&ED', 'SA-1']),
    severity: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    reliability: subsetOrNull(RELIABILITY_LETTERS),
    minCredibility: fc.constantFrom(1, 2, 3, 4, 5, 6 as const),
    area: fc.option(fc.array(fc.tuple(fc.double({ min: 112, max: 115, noNaN: true }), fc.double({ min: 21.5, max: 23.5, noNaN: true })), { minLength: 3, maxLength: 7 }), {
      nil: null,
    }),
  })
  .map(({ severity: [a, b], ...rest }) => ({ ...rest, severityMin: Math.min(a, b), severityMax: Math.max(a, b) }) as ViewFilters);

/** The plain rule: a record the board counts in the window [T − window, T] (whole seconds of the table) under the view's filters. */
function plainlySelected(record: FeedRecord, filters: ViewFilters, time: number, windowMs: number, baseTime: number): boolean {
  const second = Math.floor((record.time - baseTime) / 1000);
  if (second < Math.ceil((time - baseTime - windowMs) / 1000) || second > Math.floor((time - baseTime) / 1000)) return false;
  if (filters.categories !== null && !filters.categories.includes(record.category)) return false;
  if (filters.kinds !== null && !filters.kinds.includes(record.kind)) return false;
  if (filters.modes !== null && !filters.modes.includes(record.mode ?? NO_MODE)) return false;
  if (filters.sources !== null && !filters.sources.includes(record.source)) return false;
  if (record.severity < filters.severityMin || record.severity > filters.severityMax) return false;
  const letter = record.grading?.[0] ?? 'F';
  const digit = record.grading === null ? 6 : Number(record.grading[1]);
  if (filters.reliability !== null && !filters.reliability.includes(letter as (typeof RELIABILITY_LETTERS)[number])) return false;
  if (digit > filters.minCredibility) return false;
  if (filters.area !== null && !pointInPolygon(Float64Array.from(filters.area.flat()), record.lon, record.lat)) return false;
  return true;
}

describe('selectBundleRows', () => {
  it('takes exactly the live records a plain reading of the window and filters admits, on random data and filters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(feedRecordArbitrary, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { maxLength: 80 }),
        viewFiltersArbitrary,
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 3650 }), fc.double({ min: 1 / 24, max: 10, noNaN: true })),
        (chunkRecords, superseded, filters, time, windowDays) => {
          let masked = 0;
          const inputs = chunkRecords.map((records) => {
            const chunk = chunkOf(records);
            const mask = Uint8Array.from(records, () => (superseded[masked++ % Math.max(1, superseded.length)] ? 1 : 0));
            return { chunk, mask };
          });
          const table = buildEventTable(inputs);
          const model = { ...defaultViewModel(), windowDays };
          const selected = selectBundleRows(table, riskParamsOf(model, time), riskFiltersOf(filters));
          inputs.forEach(({ chunk, mask }, c) => {
            for (let row = 0; row < chunk.meta.count; row++) {
              const expected = mask[row] === 0 && plainlySelected(chunkRecord(chunk, row), filters, time, windowDays * DAY, table.baseTime);
              expect(selected[c][row], `chunk ${c} row ${row}`).toBe(expected ? 1 : 0);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('selects as many events as the board\'s key figures count in the window', () => {
    fc.assert(
      fc.property(fc.array(feedRecordArbitrary, { minLength: 1, maxLength: 60 }), viewFiltersArbitrary, fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (records, filters, time) => {
        const engine = RiskEngine.load([{ chunk: chunkOf(records) }]);
        const params = riskParamsOf({ ...defaultViewModel(), windowDays: 3650 }, time);
        const selected = selectBundleRows(engine.table, params, riskFiltersOf(filters));
        const count = selected.reduce((sum, rows) => sum + rows.reduce((s, v) => s + v, 0), 0);
        expect(count).toBe(engine.windowSummary(params, riskFiltersOf(filters)).figures.events);
      }),
      { numRuns: 80 },
    );
  });
});

describe('handling of a selection', () => {
  it('splits a tally as createBundle decides row by row (mayCarry), at every level', () => {
    fc.assert(
      fc.property(fc.array(feedRecordArbitrary, { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (records, picks) => {
        const chunk = chunkOf(records);
        const taken = Uint8Array.from(records, (_, row) => (picks[row] ? 1 : 0));
        const tally = handlingTallyOf([chunk], [taken]);
        expect(HANDLING_TALLY_KEYS.reduce((sum, key) => sum + tally[key], 0)).toBe(taken.reduce((s, v) => s + v, 0));
        for (const level of HANDLING_CODES) {
          const policy = { level, uncodedAs: 'H1' as const };
          let carried = 0;
          let withheld = 0;
          for (let row = 0; row < records.length; row++) {
            if (taken[row] === 0) continue;
            if (mayCarry(chunk.columns.handling[row], policy)) carried++;
            else withheld++;
          }
          const split = splitByHandling(tally, policy);
          expect([split.carried, split.withheld]).toEqual([carried, withheld]);
          expect(split.withheldByClass.unrecognised).toBe(tally.unrecognised);
          expect(split.withheldByClass.H1).toBe(0);
          expect(HANDLING_CODE_OF[level]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});
