import type { AdmittedClasses } from './buildFilterMask.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

/**
 * Per-query weight lookups with the filters on category, grading and severity folded in, so a
 * pass needs no mask for them: an event's undecayed weight is
 * `categoryGrading[category * GRADING_CODE_COUNT + grading] * severity[severity]`, NaN when a
 * filter excludes it.
 */
export interface ClassWeights {
  /** buildWeightTable's entries, NaN where the category or grading is filtered out. */
  categoryGrading: Float64Array;
  /** Per severity value 0..255: the value itself, NaN where filtered out. */
  severity: Float64Array;
}

/**
 * ClassWeights from a weight table and, optionally, the admitted classes. Severity factors are
 * the exact integers, so `categoryGrading[…] * severity[…]` is bit for bit the product
 * `weightTable[…] * severity` that accumulateWeights computes.
 */
export function buildClassWeights(weightTable: Float64Array, admitted?: AdmittedClasses): ClassWeights {
  const categoryGrading = weightTable.slice();
  const severity = new Float64Array(256);
  for (let s = 0; s < severity.length; s++) severity[s] = admitted === undefined || admitted.severity[s] === 1 ? s : Number.NaN;
  if (admitted !== undefined) {
    for (let k = 0; k < categoryGrading.length; k++) {
      const category = Math.floor(k / GRADING_CODE_COUNT);
      if (admitted.category[category] !== 1 || admitted.grading[k % GRADING_CODE_COUNT] !== 1) categoryGrading[k] = Number.NaN;
    }
  }
  return { categoryGrading, severity };
}
