import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import type { ResolvedRiskParams } from './RiskParams.ts';

/** Distinct grading codes: 0 (ungraded) plus 6 letters × 6 digits. */
export const GRADING_CODE_COUNT = 1 + RELIABILITY_LETTERS.length * 6;

/** Grading code that ungraded records are scored as: F6. */
const UNGRADED_AS = GRADING_CODE_COUNT - 1;

/**
 * Per-query lookup of category weight × reliability × credibility ÷ 5, indexed by
 * `category * GRADING_CODE_COUNT + grading`; multiplying by severity then gives the undecayed
 * weight. 11 × 37 entries.
 */
export function buildWeightTable(params: ResolvedRiskParams): Float64Array {
  const table = new Float64Array(CATEGORY_KEYS.length * GRADING_CODE_COUNT);
  CATEGORY_KEYS.forEach((key, category) => {
    for (let grading = 0; grading < GRADING_CODE_COUNT; grading++) {
      // encodeGrading packs a code as 1 + letter * 6 + (digit - 1).
      const code = grading === 0 ? UNGRADED_AS : grading;
      const letter = RELIABILITY_LETTERS[Math.floor((code - 1) / 6)];
      const digit = (((code - 1) % 6) + 1) as 1 | 2 | 3 | 4 | 5 | 6;
      table[category * GRADING_CODE_COUNT + grading] =
        (params.categoryWeights[key] * params.reliability[letter] * params.credibility[digit]) / 5;
    }
  });
  return table;
}
