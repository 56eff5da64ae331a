import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { MAX_TABLE_RESOLUTION, MIN_TABLE_RESOLUTION } from './EventTable.ts';

/** A source-reliability letter of the Admiralty code. */
export type ReliabilityLetter = (typeof RELIABILITY_LETTERS)[number];

/** An information-credibility digit of the Admiralty code. */
export type CredibilityDigit = 1 | 2 | 3 | 4 | 5 | 6;

const DAY_MS = 86_400_000;

/** Default weight of each reliability letter. F ("cannot be judged") sits between C and D. */
export const DEFAULT_RELIABILITY: Readonly<Record<ReliabilityLetter, number>> = {
  A: 1.0,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.5,
};

/** Default weight of each credibility digit. 6 ("cannot be judged") sits between 3 and 4. */
export const DEFAULT_CREDIBILITY: Readonly<Record<CredibilityDigit, number>> = {
  1: 1.0,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.5,
};

/** Scoring parameters of one evaluation. Everything but `time` has a default. */
export interface RiskParams {
  /** Evaluation instant T, epoch ms. */
  time: number;
  /** Events with T − window ≤ t ≤ T count (default 30 days), ms. */
  windowMs?: number;
  /** Age at which an event weighs half (default 7 days), ms. */
  halfLifeMs?: number;
  /** H3 resolution of hotspots, 5..9 (default 7). */
  resolution?: number;
  /** Weight per category; missing categories weigh 1. */
  categoryWeights?: Partial<Record<CategoryKey, number>>;
  /** Weight per reliability letter; missing letters take DEFAULT_RELIABILITY. */
  reliability?: Partial<Record<ReliabilityLetter, number>>;
  /** Weight per credibility digit; missing digits take DEFAULT_CREDIBILITY. */
  credibility?: Partial<Record<CredibilityDigit, number>>;
  /** Nearest-site attribution radius, km (default: the radius the table was built with). */
  siteRadiusKm?: number;
  /** Nearest-channel attribution radius, km (default: the table's). */
  channelRadiusKm?: number;
  /** How many top hotspots or places get breakdowns (default 200). */
  topN?: number;
  /**
   * Whether hotspots also score the previous window, for their trend (default true). Without
   * it a pass reads the current window only, and HotspotResult.previous holds NaN.
   */
  trend?: boolean;
}

/** RiskParams with every default filled in and checked. */
export interface ResolvedRiskParams {
  time: number;
  windowMs: number;
  halfLifeMs: number;
  resolution: number;
  categoryWeights: Record<CategoryKey, number>;
  reliability: Record<ReliabilityLetter, number>;
  credibility: Record<CredibilityDigit, number>;
  siteRadiusKm: number | null;
  channelRadiusKm: number | null;
  topN: number;
  trend: boolean;
}

/** Default window, half-life, resolution and top-N. */
export const DEFAULT_RISK_PARAMS = {
  windowMs: 30 * DAY_MS,
  halfLifeMs: 7 * DAY_MS,
  resolution: 7,
  topN: 200,
} as const;

function checkWeight(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite weight ≥ 0, got ${value}`);
  return value;
}

/** Fills defaults into `params` and rejects values the model cannot use. */
export function resolveRiskParams(params: RiskParams): ResolvedRiskParams {
  const resolved: ResolvedRiskParams = {
    time: params.time,
    windowMs: params.windowMs ?? DEFAULT_RISK_PARAMS.windowMs,
    halfLifeMs: params.halfLifeMs ?? DEFAULT_RISK_PARAMS.halfLifeMs,
    resolution: params.resolution ?? DEFAULT_RISK_PARAMS.resolution,
    categoryWeights: Object.fromEntries(
      CATEGORY_KEYS.map((key) => [key, checkWeight(`categoryWeights.${key}`, params.categoryWeights?.[key] ?? 1)]),
    ) as Record<CategoryKey, number>,
    reliability: Object.fromEntries(
      RELIABILITY_LETTERS.map((letter) => [
        letter,
        checkWeight(`reliability.${letter}`, params.reliability?.[letter] ?? DEFAULT_RELIABILITY[letter]),
      ]),
    ) as Record<ReliabilityLetter, number>,
    credibility: Object.fromEntries(
      ([1, 2, 3, 4, 5, 6] as const).map((digit) => [
        digit,
        checkWeight(`credibility.${digit}`, params.credibility?.[digit] ?? DEFAULT_CREDIBILITY[digit]),
      ]),
    ) as Record<CredibilityDigit, number>,
    siteRadiusKm: params.siteRadiusKm ?? null,
    channelRadiusKm: params.channelRadiusKm ?? null,
    topN: params.topN ?? DEFAULT_RISK_PARAMS.topN,
    trend: params.trend ?? true,
  };
  if (!Number.isFinite(resolved.time)) throw new RangeError(`time must be epoch ms, got ${resolved.time}`);
  // Window ages index the decay tables as unsigned 32-bit seconds.
  if (!(resolved.windowMs >= 0 && resolved.windowMs < 2 ** 31 * 1000)) throw new RangeError('windowMs must be 0..68 years');
  if (!(resolved.halfLifeMs > 0)) throw new RangeError('halfLifeMs must be > 0');
  const r = resolved.resolution;
  if (!Number.isInteger(r) || r < MIN_TABLE_RESOLUTION || r > MAX_TABLE_RESOLUTION) {
    throw new RangeError(`resolution must be an integer ${MIN_TABLE_RESOLUTION}..${MAX_TABLE_RESOLUTION}, got ${r}`);
  }
  if (!(Number.isInteger(resolved.topN) && resolved.topN >= 0)) throw new RangeError('topN must be an integer ≥ 0');
  for (const radius of [resolved.siteRadiusKm, resolved.channelRadiusKm]) {
    if (radius !== null && !(radius >= 0)) throw new RangeError('attribution radii must be ≥ 0 km');
  }
  return resolved;
}
