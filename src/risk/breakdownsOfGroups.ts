import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { emptyBreakdowns, insertTopEvent, TOP_EVENT_COUNT, type Breakdowns } from './collectBreakdowns.ts';
import type { EventTable } from './EventTable.ts';
import type { GroupRows } from './GroupRows.ts';
import type { FilterPlan } from './planFilters.ts';
import { rowDecay, type PreparedQuery } from './prepareQuery.ts';

/**
 * collectBreakdowns for a few groups, reading only their rows (`groupRows`): the same window,
 * filters, weights and row order, so the same sums to the last bit, without a pass over the window.
 */
export function breakdownsOfGroups(table: EventTable, groupRows: GroupRows, selected: Uint32Array, query: PreparedQuery, plan: FilterPlan): Breakdowns {
  const breakdowns = emptyBreakdowns(selected.slice(), table.sources.length);
  const { byCategory, byKind, bySource, sourceCount, topRows, topWeights } = breakdowns;
  const categories = CATEGORY_KEYS.length;
  const kinds = RECORD_KINDS.length;
  const { time, weightClass, category, kind, source, blockMinTime } = table;
  const classWeight = plan.weights.weight;
  const { mask } = plan;
  const { start, rows } = groupRows;
  selected.forEach((group, slot) => {
    for (let k = start[group]; k < start[group + 1]; k++) {
      const i = rows[k];
      const t = time[i];
      if (t < query.fromSec || t > query.toSec) continue;
      if (mask !== null && mask[i] === 0) continue;
      const base = classWeight[weightClass[i]];
      if (base !== base) continue;
      const w = base * rowDecay(query, blockMinTime, i, t);
      byCategory[slot * categories + category[i]] += w;
      byKind[slot * kinds + kind[i]] += w;
      bySource[slot * sourceCount + source[i]] += w;
      insertTopEvent(topRows, slot * TOP_EVENT_COUNT, topWeights, slot * TOP_EVENT_COUNT, i, w);
    }
  });
  return breakdowns;
}
