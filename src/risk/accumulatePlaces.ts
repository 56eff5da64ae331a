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

/** One grouping a place pass sums into: a per-row group column, its records and previous-window scores. */
export interface PlaceSums {
  groups: Uint16Array | Uint32Array;
  /** Current window: score, count and breakdowns per group. */
  records: CellRecords;
  /** Previous window: score per group. */
  previous: Float64Array;
}

/** Adds the row's current-window weight `w` to group `g`'s record (score, count, parts, top events). */
function addToRecord(records: CellRecords, g: number, i: number, w: number, category: number, kind: number, source: number): void {
  const { values, stride, top, topRows } = records;
  const at = g * stride;
  values[at + RECORD_SCORE] += w;
  values[at + RECORD_COUNT]++;
  values[at + RECORD_BY_CATEGORY + category] += w;
  values[at + RECORD_BY_KIND + kind] += w;
  values[at + RECORD_BY_SOURCE + source] += w;
  if (w > values[at + top + TOP_EVENT_COUNT - 1]) insertTopEvent(topRows, g * TOP_EVENT_COUNT, values, at + top, i, w);
}

/**
 * accumulateHotspots with records for two groupings at once (sites and channels): each row's
 * weight is computed once, by the same formula and in the same row order, so each grouping's
 * sums equal those of its own pass to the last bit.
 */
export function accumulatePlaces(
  table: EventTable,
  current: PreparedQuery,
  previous: PreparedQuery,
  plan: FilterPlan,
  runs: Int32Array,
  a: PlaceSums,
  b: PlaceSums,
): void {
  const { time, weightClass, category, kind, source, blockMinTime } = table;
  const classWeight = plan.weights.weight;
  const { mask } = plan;
  const groupsA = a.groups;
  const groupsB = b.groups;
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    const runKind = runs[r + 2];
    for (let i = runs[r]; i < end; ) {
      const block = i >>> TIME_BLOCK_SHIFT;
      const stop = Math.min(end, (block + 1) << TIME_BLOCK_SHIFT);
      if (runKind === RUN_CURRENT) {
        const factor = current.blockFactor[block];
        const first = blockMinTime[block];
        for (; i < stop; i++) {
          if (mask !== null && mask[i] === 0) continue;
          const base = classWeight[weightClass[i]];
          if (base !== base) continue;
          const w = base * (factor * current.offsetDecay[time[i] - first]);
          addToRecord(a.records, groupsA[i], i, w, category[i], kind[i], source[i]);
          addToRecord(b.records, groupsB[i], i, w, category[i], kind[i], source[i]);
        }
      } else if (runKind === RUN_PREVIOUS) {
        const factor = previous.blockFactor[block];
        const first = blockMinTime[block];
        for (; i < stop; i++) {
          if (mask !== null && mask[i] === 0) continue;
          const base = classWeight[weightClass[i]];
          if (base !== base) continue;
          const w = base * (factor * previous.offsetDecay[time[i] - first]);
          a.previous[groupsA[i]] += w;
          b.previous[groupsB[i]] += w;
        }
      } else {
        for (; i < stop; i++) {
          const t = time[i];
          const inCurrent = t >= current.fromSec && t <= current.toSec;
          const inPrevious = t >= previous.fromSec && t <= previous.toSec;
          if (!inCurrent && !inPrevious) continue;
          if (mask !== null && mask[i] === 0) continue;
          const base = classWeight[weightClass[i]];
          if (base !== base) continue;
          if (inCurrent) {
            const w = base * rowDecay(current, blockMinTime, i, t);
            addToRecord(a.records, groupsA[i], i, w, category[i], kind[i], source[i]);
            addToRecord(b.records, groupsB[i], i, w, category[i], kind[i], source[i]);
          }
          if (inPrevious) {
            const w = base * rowDecay(previous, blockMinTime, i, t);
            a.previous[groupsA[i]] += w;
            b.previous[groupsB[i]] += w;
          }
        }
      }
    }
  }
}
