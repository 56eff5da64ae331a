/** Score now against the same window one period earlier. */
export interface Trend {
  now: number;
  previous: number;
  /** now ÷ previous, or null when previous is 0. */
  ratio: number | null;
}

/** Builds a Trend from the two scores. */
export function trendOf(now: number, previous: number): Trend {
  return { now, previous, ratio: previous > 0 ? now / previous : null };
}
