import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { buildClassWeights, type ClassWeights } from './ClassWeights.ts';
import type { EventTable } from './EventTable.ts';
import { rowDecay, type PreparedQuery } from './prepareQuery.ts';
import { RUN_CURRENT } from './windowRuns.ts';

/** How many top contributing events each breakdown keeps. */
export const TOP_EVENT_COUNT = 5;

/**
 * Score breakdowns of a few selected groups, one slot per group, as flat typed arrays:
 * slot s owns `byCategory[s * CATEGORY_KEYS.length ...]`, `byKind[s * RECORD_KINDS.length ...]`,
 * `bySource[s * sourceCount ...]` and `topRows`/`topWeights[s * TOP_EVENT_COUNT ...]`.
 */
export interface Breakdowns {
  /** Group index of each slot. */
  groups: Uint32Array;
  byCategory: Float64Array;
  byKind: Float64Array;
  sourceCount: number;
  bySource: Float64Array;
  /** Table rows of the heaviest events, heaviest first (ties: lower row first); -1 = empty. */
  topRows: Int32Array;
  topWeights: Float64Array;
}

/** Zeroed breakdowns with one slot per entry of `groups` (taken, not copied). */
export function emptyBreakdowns(groups: Uint32Array, sourceCount: number): Breakdowns {
  const slots = groups.length;
  return {
    groups,
    byCategory: new Float64Array(slots * CATEGORY_KEYS.length),
    byKind: new Float64Array(slots * RECORD_KINDS.length),
    sourceCount,
    bySource: new Float64Array(slots * sourceCount),
    topRows: new Int32Array(slots * TOP_EVENT_COUNT).fill(-1),
    topWeights: new Float64Array(slots * TOP_EVENT_COUNT).fill(-1),
  };
}

/**
 * Inserts the event at table row `row`, of weight `w` ≥ 0, into the TOP_EVENT_COUNT entries from
 * `rowAt` in `topRows` and from `weightAt` in `topWeights` when it is heavy enough. Rows must
 * arrive in ascending order: a strict comparison then keeps the earlier row on equal weights.
 */
export function insertTopEvent(
  topRows: Int32Array,
  rowAt: number,
  topWeights: Float64Array,
  weightAt: number,
  row: number,
  w: number,
): void {
  // Empty entries weigh -1, below any event.
  if (!(w > topWeights[weightAt + TOP_EVENT_COUNT - 1])) return;
  let k = TOP_EVENT_COUNT - 1;
  while (k > 0 && w > topWeights[weightAt + k - 1]) {
    topRows[rowAt + k] = topRows[rowAt + k - 1];
    topWeights[weightAt + k] = topWeights[weightAt + k - 1];
    k--;
  }
  topRows[rowAt + k] = row;
  topWeights[weightAt + k] = w;
}

/**
 * Second pass over the window for the groups in `selected`: splits their score by category, kind
 * and source and keeps their TOP_EVENT_COUNT heaviest events. Same window, mask and weights as
 * accumulateWeights; `weights` may carry filters of their own (default: `query.weightTable`
 * unfiltered), and `runs` (windowRuns triples) may narrow the rows visited.
 */
export function collectBreakdowns(
  table: EventTable,
  groups: Uint16Array | Uint32Array,
  groupCount: number,
  selected: Uint32Array,
  query: PreparedQuery,
  mask: Uint8Array | null,
  weights: ClassWeights = buildClassWeights(query.weightTable),
  runs: Int32Array = Int32Array.of(0, table.count, 0),
): Breakdowns {
  const slotOf = new Int32Array(groupCount).fill(-1);
  selected.forEach((group, slot) => (slotOf[group] = slot));
  const breakdowns = emptyBreakdowns(selected.slice(), table.sources.length);

  const { byCategory, byKind, bySource, sourceCount, topRows, topWeights } = breakdowns;
  const categories = CATEGORY_KEYS.length;
  const kinds = RECORD_KINDS.length;
  const { time, weightClass, category, kind, source, blockMinTime } = table;
  const { fromSec, toSec } = query;
  const classWeight = weights.weight;
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    // Rows of a RUN_CURRENT run all lie in the window.
    const inWindow = runs[r + 2] === RUN_CURRENT;
    for (let i = runs[r]; i < end; i++) {
      const slot = slotOf[groups[i]];
      if (slot < 0) continue;
      const t = time[i];
      if (!inWindow && (t > toSec || t < fromSec)) continue;
      if (mask !== null && mask[i] === 0) continue;
      const base = classWeight[weightClass[i]];
      if (base !== base) continue;
      const w = base * rowDecay(query, blockMinTime, i, t);
      byCategory[slot * categories + category[i]] += w;
      byKind[slot * kinds + kind[i]] += w;
      bySource[slot * sourceCount + source[i]] += w;
      insertTopEvent(topRows, slot * TOP_EVENT_COUNT, topWeights, slot * TOP_EVENT_COUNT, i, w);
    }
  }
  return breakdowns;
}
