import type { TimeHistogram } from './computeTimeHistogram.ts';
import type { EventTable } from './EventTable.ts';
import type { FacetCombos } from './FacetCombos.ts';
import { FACET_DIMENSIONS, type FacetPlan } from './FacetPlan.ts';
import { comboFailures } from './summarizeCombos.ts';

const CATEGORY_BIT = 1 << FACET_DIMENSIONS.indexOf('categories');

/**
 * Fills `histogram` (zeroed, emptyTimeHistogram) with every row, at any time, that lies in
 * `placeMask` and passes every filter of `plan` but the one on categories, per bin and category.
 * Since each row counts in its own category's column, the histogram under any category filter is
 * this one with the other columns cleared (admitCategories): toggling a category needs no pass.
 */
export function fillCategoryHistogram(
  table: EventTable,
  combos: FacetCombos,
  plan: FacetPlan,
  placeMask: Uint8Array | null,
  histogram: TimeHistogram,
): void {
  const failed = comboFailures(combos, plan);
  const { counts, categories } = histogram;
  // Whole seconds: the table's times count from a whole second, and bins start on one.
  const offsetSec = (table.baseTime - histogram.start) / 1000;
  const binSec = histogram.binMs / 1000;
  const { time, category } = table;
  const combo = combos.combo;
  for (let i = 0; i < table.count; i++) {
    if (placeMask !== null && placeMask[i] === 0) continue;
    if ((failed[combo[i]] & ~CATEGORY_BIT) !== 0) continue;
    counts[Math.floor((time[i] + offsetSec) / binSec) * categories + category[i]]++;
  }
}

/** A copy of `histogram` keeping only the columns of the categories `plan` admits. */
export function admitCategories(histogram: TimeHistogram, plan: FacetPlan): TimeHistogram {
  const counts = histogram.counts.slice();
  const { categories } = histogram;
  for (let c = 0; c < categories; c++) {
    if (plan.category[c] === 0) continue;
    for (let at = c; at < counts.length; at += categories) counts[at] = 0;
  }
  return { ...histogram, counts };
}
