import type { CategoryKey } from '../domain/categories.ts';
import type { RecordKind } from '../domain/recordKinds.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { CredibilityDigit, ReliabilityLetter } from './RiskParams.ts';

/**
 * Which events a query considers. Every field is optional: absent means "no constraint", while an
 * empty list admits nothing. Fields combine with AND, except `sites` and `channels`, which
 * together describe one "where" selection and combine with OR.
 */
export interface RiskFilters {
  categories?: readonly CategoryKey[];
  kinds?: readonly RecordKind[];
  /** Source agencies, e.g. `HKCED`. */
  sources?: readonly string[];
  /** Transport modes; `null` selects records that name none. */
  modes?: readonly (TransportMode | null)[];
  /** Inclusive severity bounds, 1..5. */
  severityMin?: number;
  severityMax?: number;
  /** Admitted reliability letters. Ungraded records count as F. */
  reliability?: readonly ReliabilityLetter[];
  /**
   * Least credibility admitted, as the digit of the worst acceptable grade: 3 admits 1, 2 and 3;
   * only 6 admits 6 ("cannot be judged"). Ungraded records count as 6.
   */
  minCredibility?: CredibilityDigit;
  /** Attributed site ids (explicit or nearest, as in the table). */
  sites?: readonly string[];
  /** Attributed channel ids (explicit or nearest, as in the table). */
  channels?: readonly string[];
  /** A drawn area: one ring of `[lon, lat]` vertices, closed or not; even-odd rule. */
  area?: readonly (readonly [number, number])[];
}
