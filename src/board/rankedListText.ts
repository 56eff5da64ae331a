import type { Trend } from '../risk/trendOf.ts';

/** How a score moved against the previous window, for an arrow. */
export type TrendDirection = 'up' | 'down' | 'flat' | 'new';

/** A change within ±10 % reads as flat. */
const FLAT_BAND = 0.1;

/** up (≥ +10 %), down (≤ −10 %), flat, or new (nothing in the previous window). */
export function trendDirection(trend: Trend): TrendDirection {
  if (trend.ratio === null) return trend.now > 0 ? 'new' : 'flat';
  if (trend.ratio >= 1 + FLAT_BAND) return 'up';
  if (trend.ratio <= 1 - FLAT_BAND) return 'down';
  return 'flat';
}

/** The largest share of a breakdown, or null when it is empty. */
export function topShare<K extends string>(shares: Partial<Record<K, number>>): { key: K; share: number } | null {
  let best: { key: K; share: number } | null = null;
  for (const [key, share] of Object.entries(shares) as [K, number | undefined][]) {
    if (share !== undefined && share > 0 && (best === null || share > best.share)) best = { key, share };
  }
  return best;
}
