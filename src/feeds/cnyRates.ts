/** Currencies a feed value may be given in. */
export const CURRENCIES = ['CNY', 'HKD', 'MOP'] as const;

/** A feed currency. */
export type Currency = (typeof CURRENCIES)[number];

/** CNY per one unit of each currency. */
export type CnyRates = Record<Currency, number>;

/**
 * Default conversion rates to CNY: approximate 2025 market levels (HKD is pegged to USD, MOP to
 * HKD at 1.03). They are defaults only — an installation should configure the rates it reports
 * with, and the rates in force belong in the import settings, not in code.
 */
export const DEFAULT_CNY_RATES: Readonly<CnyRates> = Object.freeze({ CNY: 1, HKD: 0.92, MOP: 0.89 });

/**
 * Merges configured rates over DEFAULT_CNY_RATES. Throws RangeError for a rate that is not a
 * positive finite number, since a bad rate would silently corrupt every value.
 */
export function resolveCnyRates(overrides?: Partial<CnyRates>): CnyRates {
  const rates: CnyRates = { ...DEFAULT_CNY_RATES };
  if (overrides) {
    for (const currency of CURRENCIES) {
      const rate = overrides[currency];
      if (rate === undefined) continue;
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
        throw new RangeError(`CNY rate for ${currency} must be a positive number, got ${String(rate)}`);
      }
      rates[currency] = rate;
    }
  }
  return rates;
}
