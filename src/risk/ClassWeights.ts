import type { AdmittedClasses } from './buildFilterMask.ts';
import { SEVERITY_SLOTS } from './EventTable.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

/**
 * Per-query undecayed weight of each weight class (EventTable.weightClass), with the filters on
 * category, grading and severity folded in, so a pass needs no mask for them.
 */
export interface ClassWeights {
  /**
   * `weightTable[category · GRADING_CODE_COUNT + grading] · severity` per class; NaN where a filter
   * excludes the class. Severity is an exact integer, so this is bit for bit the product the
   * model's formula starts with.
   */
  weight: Float64Array;
}

/** Undecayed weight of weight class `weightClass`: weight table entry × severity. */
export function classWeightOf(weightTable: Float64Array, weightClass: number): number {
  return weightTable[Math.floor(weightClass / SEVERITY_SLOTS)] * (weightClass % SEVERITY_SLOTS);
}

/** ClassWeights from a weight table (buildWeightTable) and, optionally, the admitted classes. */
export function buildClassWeights(weightTable: Float64Array, admitted?: AdmittedClasses): ClassWeights {
  const weight = new Float64Array(weightTable.length * SEVERITY_SLOTS);
  for (let k = 0; k < weightTable.length; k++) {
    const admits =
      admitted === undefined ||
      (admitted.category[Math.floor(k / GRADING_CODE_COUNT)] === 1 && admitted.grading[k % GRADING_CODE_COUNT] === 1);
    for (let s = 0; s < SEVERITY_SLOTS; s++) {
      const weightClass = k * SEVERITY_SLOTS + s;
      weight[weightClass] = admits && (admitted === undefined || admitted.severity[s] === 1) ? classWeightOf(weightTable, weightClass) : Number.NaN;
    }
  }
  return { weight };
}
