import type { DetailsAnswer, EventRow } from './BoardQuery.ts';

/** The factors of one event's weight (docs/risk-model.md §1), as the drawer writes them out. */
export interface EventWeightTerms {
  categoryWeight: number;
  severity: number;
  /** Reliability letter and credibility digit; an ungraded record is scored as F6. */
  letter: string;
  digit: string;
  graded: boolean;
  reliability: number;
  credibility: number;
  /** T minus the event time at the start of its second, ms. */
  ageMs: number;
  /** 2^(−age / half-life). */
  decay: number;
  /** The product of the factors: the event's weight when it counts at T. */
  weight: number;
}

const DAY_MS = 86_400_000;

/**
 * The factors of `event`'s weight at `time` under `weights`: category weight × severity/5 ×
 * reliability × credibility × 2^(−age / half-life), with the age measured from the start of the
 * event's second, as the engine does. A category the weights do not name weighs as "other".
 */
export function eventWeightTerms(event: Pick<EventRow, 'category' | 'severity' | 'grading' | 'time'>, weights: DetailsAnswer['weights'], time: number): EventWeightTerms {
  const graded = event.grading !== null;
  const letter = event.grading?.[0] ?? 'F';
  const digit = event.grading?.[1] ?? '6';
  const categoryWeight = weights.category[event.category] ?? weights.category.other ?? Number.NaN;
  const reliability = weights.reliability[letter] ?? Number.NaN;
  const credibility = weights.credibility[digit] ?? Number.NaN;
  const ageMs = time - Math.floor(event.time / 1000) * 1000;
  const decay = 2 ** (-ageMs / (weights.halfLifeDays * DAY_MS));
  return {
    categoryWeight,
    severity: event.severity,
    letter,
    digit,
    graded,
    reliability,
    credibility,
    ageMs,
    decay,
    weight: ((categoryWeight * event.severity) / 5) * reliability * credibility * decay,
  };
}
