import {
  RECORD_BY_CATEGORY,
  RECORD_BY_KIND,
  RECORD_BY_SOURCE,
  RECORD_COUNT,
  RECORD_SCORE,
  type CellRecords,
} from './CellRecords.ts';
import { insertTopEvent, TOP_EVENT_COUNT } from './collectBreakdowns.ts';
import { TIME_BLOCK_SHIFT, type EventTable } from './EventTable.ts';
import type { FilterPlan } from './planFilters.ts';
import { rowDecay, type PreparedQuery } from './prepareQuery.ts';
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
  const pairs = records === null ? new Float64Array(2 * sums.scores.length) : null;
  for (let r = 0; r < runs.length; r += 3) {
    const start = runs[r];
    const end = runs[r + 1];
    const kind = runs[r + 2];
    if (kind === RUN_CURRENT) {
      if (pairs !== null) addCurrentRun(pass, start, end, pairs);
      else addCurrentRunToRecords(pass, start, end, records!);
    } else if (kind === RUN_PREVIOUS) {
      addPreviousRun(pass, start, end);
    } else {
      addMixedRun(pass, start, end, pairs);
    }
  }
  const { values, stride } = pairs !== null ? { values: pairs, stride: 2 } : { values: records!.values, stride: records!.stride };
  for (let g = 0; g < sums.scores.length; g++) {
    sums.scores[g] = values[g * stride + RECORD_SCORE];
    sums.counts[g] = values[g * stride + RECORD_COUNT];
  }
}

// One loop per kind of run: rows of a pure run need no time test and take the block's decay
// factor (PreparedQuery), and the loop without breakdowns stays small. All compute an event's
// weight as classWeight[weightClass] · decay, skipping NaN (filtered out by planFilters).

/** The end of the block that row `i` lies in, or `end` when sooner. */
function blockEnd(i: number, end: number): number {
  return Math.min(end, ((i >>> TIME_BLOCK_SHIFT) + 1) << TIME_BLOCK_SHIFT);
}

function addCurrentRun(pass: Pass, start: number, end: number, pairs: Float64Array): void {
  const { time, weightClass, blockMinTime } = pass.table;
  const classWeight = pass.plan.weights.weight;
  const { mask } = pass.plan;
  const { groups } = pass;
  const { blockFactor, offsetDecay } = pass.current;
  // Score and count of a group side by side: one cache line per row instead of two.
  for (let i = start; i < end; ) {
    const b = i >>> TIME_BLOCK_SHIFT;
    const factor = blockFactor[b];
    const first = blockMinTime[b];
    const stop = blockEnd(i, end);
    if (mask === null) {
      for (; i < stop; i++) {
        const base = classWeight[weightClass[i]];
        if (base !== base) continue;
        const at = groups[i] << 1;
        pairs[at] += base * (factor * offsetDecay[time[i] - first]);
        pairs[at + 1]++;
      }
    } else {
      for (; i < stop; i++) {
        const base = classWeight[weightClass[i]];
        if (base !== base || mask[i] === 0) continue;
        const at = groups[i] << 1;
        pairs[at] += base * (factor * offsetDecay[time[i] - first]);
        pairs[at + 1]++;
      }
    }
  }
}

function addCurrentRunToRecords(pass: Pass, start: number, end: number, records: CellRecords): void {
  const { time, weightClass, category, kind, source, blockMinTime } = pass.table;
  const classWeight = pass.plan.weights.weight;
  const { mask } = pass.plan;
  const { groups } = pass;
  const { blockFactor, offsetDecay } = pass.current;
  const { values, stride, top, topRows } = records;
  const lastTop = top + TOP_EVENT_COUNT - 1;
  for (let i = start; i < end; ) {
    const b = i >>> TIME_BLOCK_SHIFT;
    const factor = blockFactor[b];
    const first = blockMinTime[b];
    const stop = blockEnd(i, end);
    for (; i < stop; i++) {
      if (mask !== null && mask[i] === 0) continue;
      const base = classWeight[weightClass[i]];
      if (base !== base) continue;
      const at = groups[i] * stride;
      const w = base * (factor * offsetDecay[time[i] - first]);
      values[at + RECORD_SCORE] += w;
      values[at + RECORD_COUNT]++;
      values[at + RECORD_BY_CATEGORY + category[i]] += w;
      values[at + RECORD_BY_KIND + kind[i]] += w;
      values[at + RECORD_BY_SOURCE + source[i]] += w;
      if (w > values[at + lastTop]) insertTopEvent(topRows, groups[i] * TOP_EVENT_COUNT, values, at + top, i, w);
    }
  }
}

function addPreviousRun(pass: Pass, start: number, end: number): void {
  const { time, weightClass, blockMinTime } = pass.table;
  const classWeight = pass.plan.weights.weight;
  const { mask } = pass.plan;
  const { groups } = pass;
  const scores = pass.sums.previous;
  const { blockFactor, offsetDecay } = pass.previous;
  for (let i = start; i < end; ) {
    const b = i >>> TIME_BLOCK_SHIFT;
    const factor = blockFactor[b];
    const first = blockMinTime[b];
    const stop = blockEnd(i, end);
    if (mask === null) {
      for (; i < stop; i++) {
        const base = classWeight[weightClass[i]];
        if (base !== base) continue;
        scores[groups[i]] += base * (factor * offsetDecay[time[i] - first]);
      }
    } else {
      for (; i < stop; i++) {
        const base = classWeight[weightClass[i]];
        if (base !== base || mask[i] === 0) continue;
        scores[groups[i]] += base * (factor * offsetDecay[time[i] - first]);
      }
    }
  }
}

function addMixedRun(pass: Pass, start: number, end: number, pairs: Float64Array | null): void {
  const { time, weightClass, category, kind, source, blockMinTime } = pass.table;
  const classWeight = pass.plan.weights.weight;
  const { mask } = pass.plan;
  const { groups, current, previous, records } = pass;
  const previousScores = pass.sums.previous;
  for (let i = start; i < end; i++) {
    const t = time[i];
    const inCurrent = t >= current.fromSec && t <= current.toSec;
    // Current times are ≥ every previous time, so toSec of the previous window is the only
    // second both windows may hold.
    const inPrevious = t >= previous.fromSec && t <= previous.toSec;
    if (!inCurrent && !inPrevious) continue;
    if (mask !== null && mask[i] === 0) continue;
    const base = classWeight[weightClass[i]];
    if (base !== base) continue;
    const g = groups[i];
    if (inCurrent) {
      const w = base * rowDecay(current, blockMinTime, i, t);
      if (pairs !== null) {
        pairs[g << 1] += w;
        pairs[(g << 1) + 1]++;
      } else if (records !== null) {
        const { values } = records;
        const at = g * records.stride;
        values[at + RECORD_SCORE] += w;
        values[at + RECORD_COUNT]++;
        values[at + RECORD_BY_CATEGORY + category[i]] += w;
        values[at + RECORD_BY_KIND + kind[i]] += w;
        values[at + RECORD_BY_SOURCE + source[i]] += w;
        insertTopEvent(records.topRows, g * TOP_EVENT_COUNT, values, at + records.top, i, w);
      }
    }
    if (inPrevious) previousScores[g] += base * rowDecay(previous, blockMinTime, i, t);
  }
}
