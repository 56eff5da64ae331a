import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { EventTable } from './EventTable.ts';
import type { PreparedQuery } from './prepareQuery.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

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

/**
 * Second pass over the window for the groups in `selected`: splits their score by category, kind
 * and source and keeps their TOP_EVENT_COUNT heaviest events. Same window, mask and weights as
 * accumulateWeights.
 */
export function collectBreakdowns(
  table: EventTable,
  groups: Uint16Array | Uint32Array,
  groupCount: number,
  selected: Uint32Array,
  query: PreparedQuery,
  mask: Uint8Array | null,
): Breakdowns {
  const slots = selected.length;
  const categories = CATEGORY_KEYS.length;
  const kinds = RECORD_KINDS.length;
  const sourceCount = table.sources.length;
  const slotOf = new Int32Array(groupCount).fill(-1);
  selected.forEach((group, slot) => (slotOf[group] = slot));
  const byCategory = new Float64Array(slots * categories);
  const byKind = new Float64Array(slots * kinds);
  const bySource = new Float64Array(slots * sourceCount);
  const topRows = new Int32Array(slots * TOP_EVENT_COUNT).fill(-1);
  const topWeights = new Float64Array(slots * TOP_EVENT_COUNT).fill(-1);

  const { time, category, grading, severity, kind, source } = table;
  const { fromSec, toSec, weightTable, decayShift, decayLowMask, decayHigh, decayLow } = query;
  for (let i = 0; i < table.count; i++) {
    const t = time[i];
    if (t > toSec || t < fromSec) continue;
    const slot = slotOf[groups[i]];
    if (slot < 0 || (mask !== null && mask[i] === 0)) continue;
    const c = category[i];
    const age = toSec - t;
    const w =
      weightTable[c * GRADING_CODE_COUNT + grading[i]] *
      severity[i] *
      decayHigh[age >>> decayShift] *
      decayLow[age & decayLowMask];
    byCategory[slot * categories + c] += w;
    byKind[slot * kinds + kind[i]] += w;
    bySource[slot * sourceCount + source[i]] += w;
    // Rows arrive in ascending order, so a strict comparison keeps the earlier row on ties.
    const base = slot * TOP_EVENT_COUNT;
    let k = TOP_EVENT_COUNT;
    while (k > 0 && (topRows[base + k - 1] < 0 || w > topWeights[base + k - 1])) k--;
    if (k < TOP_EVENT_COUNT) {
      for (let j = TOP_EVENT_COUNT - 1; j > k; j--) {
        topRows[base + j] = topRows[base + j - 1];
        topWeights[base + j] = topWeights[base + j - 1];
      }
      topRows[base + k] = i;
      topWeights[base + k] = w;
    }
  }
  return { groups: selected.slice(), byCategory, byKind, sourceCount, bySource, topRows, topWeights };
}
