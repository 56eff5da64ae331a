import {
  admittedClasses,
  buildFilterMask,
  hasConstraints,
  resolveFilterMask,
  withoutClassFilters,
  type FilterInput,
} from './buildFilterMask.ts';
import { buildClassWeights, type ClassWeights } from './ClassWeights.ts';
import type { EventTable } from './EventTable.ts';

/**
 * How a pass applies a query's filters: category, grading and severity through its weights, the
 * rest through a mask (null when nothing else is filtered).
 */
export interface FilterPlan {
  weights: ClassWeights;
  mask: Uint8Array | null;
}

/** The last mask built per table for the filters the weights cannot carry, by their JSON. */
const lastMask = new WeakMap<EventTable, { key: string; mask: Uint8Array | null }>();

/**
 * Splits `filters` for a pass with the given weight table (buildWeightTable). A prebuilt mask is
 * used as it is. The mask for the remaining filters is cached per table, one deep, since a time
 * scrub repeats the same filters query after query.
 */
export function planFilters(table: EventTable, filters: FilterInput, weightTable: Float64Array): FilterPlan {
  if (filters === null || filters === undefined || filters instanceof Uint8Array) {
    return { weights: buildClassWeights(weightTable), mask: resolveFilterMask(table, filters) };
  }
  const weights = buildClassWeights(weightTable, admittedClasses(filters));
  const rest = withoutClassFilters(filters);
  if (!hasConstraints(rest)) return { weights, mask: null };
  const key = JSON.stringify(rest);
  let cached = lastMask.get(table);
  if (cached === undefined || cached.key !== key) {
    cached = { key, mask: buildFilterMask(table, rest) };
    lastMask.set(table, cached);
  }
  return { weights, mask: cached.mask };
}
