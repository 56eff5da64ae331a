import {
  RECORD_BY_CATEGORY,
  RECORD_BY_KIND,
  RECORD_BY_SOURCE,
  RECORD_COUNT,
  RECORD_SCORE,
  type CellRecords,
} from './CellRecords.ts';
import { insertTopEvent, TOP_EVENT_COUNT } from './collectBreakdowns.ts';
import type { EventTable } from './EventTable.ts';
import type { FilterPlan } from './planFilters.ts';
import type { PreparedQuery } from './prepareQuery.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';
import { RUN_CURRENT, RUN_PREVIOUS } from './windowRuns.ts';

/** Per-group sums of one hotspot evaluation: the window ending at T and the one before it. */
export interface HotspotSums {
  scores: Float64Array;
  counts: Uint32Array;
  /** Scores of the previous window (its counts are not needed). */
  previous: Float64Array;
}

/** Everything one pass reads and writes. */
interface Pass {
  table: EventTable;
  groups: Uint16Array | Uint32Array;
  current: PreparedQuery;
  previous: PreparedQuery;
  plan: FilterPlan;
  sums: HotspotSums;
  records: CellRecords | null;
}

/**
 * One fused pass for computeHotspots over `runs` (windowRuns of `current` and `previous`): adds
 * each row's decayed weight to `sums.scores` and `sums.counts` when it falls in the `current`
 * window and to `sums.previous` when it falls in the `previous` one (both, for the one second the
 * windows may share). With `records` (one per group) it accumulates the current window there,
 * breakdowns included, and copies scores and counts into `sums` at the end. Weights and sums equal
 * those of accumulateWeights and collectBreakdowns to the last bit: the same products, added per
 * group in the same row order.
 */
export function accumulateHotspots(
  table: EventTable,
  groups: Uint16Array | Uint32Array,
  current: PreparedQuery,
  previous: PreparedQuery,
  plan: FilterPlan,
  runs: Int32Array,
  sums: HotspotSums,
  records: CellRecords | null,
): void {
  const pass: Pass = { table, groups, current, previous, plan, sums, records };
  for (let r = 0; r < runs.length; r += 3) {
    const start = runs[r];
    const end = runs[r + 1];
    const kind = runs[r + 2];
    if (kind === RUN_CURRENT) {
      if (records === null) addCurrentRun(pass, start, end);
      else addCurrentRunToRecords(pass, start, end, records);
    } else if (kind === RUN_PREVIOUS) {
      addPreviousRun(pass, start, end);
    } else {
      addMixedRun(pass, start, end);
    }
  }
  if (records !== null) {
    const { values, stride } = records;
    for (let g = 0; g < sums.scores.length; g++) {
      sums.scores[g] = values[g * stride + RECORD_SCORE];
      sums.counts[g] = values[g * stride + RECORD_COUNT];
    }
  }
}

// One loop per kind of run: rows of a pure run need no time test, and the loop without
// breakdowns stays small. All compute an event's weight as
//   categoryGrading[category · GRADING_CODE_COUNT + grading] · severity · decayHigh · decayLow,
// skipping NaN (filtered out by planFilters).

function addCurrentRun(pass: Pass, start: number, end: number): void {
  const { time, category, grading, severity } = pass.table;
  const { categoryGrading, severity: severityFactor } = pass.plan.weights;
  const { mask } = pass.plan;
  const { groups } = pass;
  const { scores, counts } = pass.sums;
  const { toSec, decayShift, decayLowMask, decayHigh, decayLow } = pass.current;
  for (let i = start; i < end; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const base = categoryGrading[category[i] * GRADING_CODE_COUNT + grading[i]] * severityFactor[severity[i]];
    if (base !== base) continue;
    const age = toSec - time[i];
    const g = groups[i];
    scores[g] += base * decayHigh[age >>> decayShift] * decayLow[age & decayLowMask];
    counts[g]++;
  }
}

function addCurrentRunToRecords(pass: Pass, start: number, end: number, records: CellRecords): void {
  const { time, category, grading, severity, kind, source } = pass.table;
  const { categoryGrading, severity: severityFactor } = pass.plan.weights;
  const { mask } = pass.plan;
  const { groups } = pass;
  const { toSec, decayShift, decayLowMask, decayHigh, decayLow } = pass.current;
  const { values, stride, top, topRows } = records;
  for (let i = start; i < end; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const c = category[i];
    const base = categoryGrading[c * GRADING_CODE_COUNT + grading[i]] * severityFactor[severity[i]];
    if (base !== base) continue;
    const age = toSec - time[i];
    const g = groups[i];
    const at = g * stride;
    const w = base * decayHigh[age >>> decayShift] * decayLow[age & decayLowMask];
    values[at + RECORD_SCORE] += w;
    values[at + RECORD_COUNT]++;
    values[at + RECORD_BY_CATEGORY + c] += w;
    values[at + RECORD_BY_KIND + kind[i]] += w;
    values[at + RECORD_BY_SOURCE + source[i]] += w;
    insertTopEvent(topRows, g * TOP_EVENT_COUNT, values, at + top, i, w);
  }
}

function addPreviousRun(pass: Pass, start: number, end: number): void {
  const { time, category, grading, severity } = pass.table;
  const { categoryGrading, severity: severityFactor } = pass.plan.weights;
  const { mask } = pass.plan;
  const { groups } = pass;
  const scores = pass.sums.previous;
  const { toSec, decayShift, decayLowMask, decayHigh, decayLow } = pass.previous;
  for (let i = start; i < end; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const base = categoryGrading[category[i] * GRADING_CODE_COUNT + grading[i]] * severityFactor[severity[i]];
    if (base !== base) continue;
    const age = toSec - time[i];
    scores[groups[i]] += base * decayHigh[age >>> decayShift] * decayLow[age & decayLowMask];
  }
}

function addMixedRun(pass: Pass, start: number, end: number): void {
  const { time, category, grading, severity, kind, source } = pass.table;
  const { categoryGrading, severity: severityFactor } = pass.plan.weights;
  const { mask } = pass.plan;
  const { groups, current, previous, records } = pass;
  const { scores, counts, previous: previousScores } = pass.sums;
  // A time is in a window when its age (toSec − time) lies in 0..toSec − fromSec.
  const currentSpan = current.toSec - current.fromSec;
  const previousSpan = previous.toSec - previous.fromSec;
  for (let i = start; i < end; i++) {
    const t = time[i];
    const a = current.toSec - t;
    const b = previous.toSec - t;
    const inCurrent = a >= 0 && a <= currentSpan;
    if (!inCurrent && !(b >= 0 && b <= previousSpan)) continue;
    if (mask !== null && mask[i] === 0) continue;
    const c = category[i];
    const base = categoryGrading[c * GRADING_CODE_COUNT + grading[i]] * severityFactor[severity[i]];
    if (base !== base) continue;
    const g = groups[i];
    if (inCurrent) {
      const w = base * current.decayHigh[a >>> current.decayShift] * current.decayLow[a & current.decayLowMask];
      if (records === null) {
        scores[g] += w;
        counts[g]++;
      } else {
        const { values } = records;
        const at = g * records.stride;
        values[at + RECORD_SCORE] += w;
        values[at + RECORD_COUNT]++;
        values[at + RECORD_BY_CATEGORY + c] += w;
        values[at + RECORD_BY_KIND + kind[i]] += w;
        values[at + RECORD_BY_SOURCE + source[i]] += w;
        insertTopEvent(records.topRows, g * TOP_EVENT_COUNT, values, at + records.top, i, w);
      }
      // Current times are ≥ every previous time, so b = 0 is the only second both windows hold.
      if (b !== 0) continue;
    }
    previousScores[g] += base * previous.decayHigh[b >>> previous.decayShift] * previous.decayLow[b & previous.decayLowMask];
  }
}
