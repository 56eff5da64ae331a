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
import type { QueryCaches } from './QueryCaches.ts';

/**
 * How a pass applies a query's filters: category, grading and severity through its weights, the
 * rest through a mask (null when nothing else is filtered).
 */
export interface FilterPlan {
  weights: ClassWeights;
  mask: Uint8Array | null;
}

/**
 * Splits `filters` for a pass with the given weight table (buildWeightTable). A prebuilt mask is
 * used as it is. With `caches`, the mask for the remaining filters is kept there (one deep, by
 * the filters' JSON), since a time scrub repeats the same filters query after query.
 */
export function planFilters(table: EventTable, filters: FilterInput, weightTable: Float64Array, caches?: QueryCaches): FilterPlan {
  if (filters === null || filters === undefined || filters instanceof Uint8Array) {
    return { weights: buildClassWeights(weightTable), mask: resolveFilterMask(table, filters) };
  }
  const weights = buildClassWeights(weightTable, admittedClasses(filters));
  const rest = withoutClassFilters(filters);
  if (!hasConstraints(rest)) return { weights, mask: null };
  const mask = caches === undefined ? buildFilterMask(table, rest) : caches.restMaskFor(JSON.stringify(rest), () => buildFilterMask(table, rest));
  return { weights, mask };
}
