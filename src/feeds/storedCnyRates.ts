import { DEFAULT_CNY_RATES, type CnyRates, type Currency } from './cnyRates.ts';

/**
 * The board's conversion rates to CNY, kept on the device under their own key (they are import
 * settings, not part of the view: a shared link never carries them). Stored as
 * `{"version":1,"HKD":0.92,"MOP":0.89}`; CNY is 1 by definition and never stored.
 */

/** Storage key of the rates. */
export const CNY_RATES_STORAGE_KEY = 'tidegate.cnyRates';

/** Version of the stored shape; a newer one is not read (its meaning is unknown here). */
export const CNY_RATES_VERSION = 1;

/** Currencies a person sets a rate for (CNY is the unit). */
export const EDITABLE_CURRENCIES: readonly Exclude<Currency, 'CNY'>[] = ['HKD', 'MOP'];

/** Bounds of a rate, CNY per unit: positive, and far from any real rate of these currencies at both ends. */
export const CNY_RATE_LIMITS = [0.0001, 1000] as const;

/** What restoring the stored rates found. */
export interface RestoredCnyRates {
  rates: CnyRates;
  /**
   * Null when the stored rates were used or nothing was stored; otherwise why the defaults were
   * taken instead: unreadable or out-of-bounds text, or a shape from a newer version.
   */
  notice: 'invalid' | 'newer-version' | null;
}

function validRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= CNY_RATE_LIMITS[0] && value <= CNY_RATE_LIMITS[1];
}

/**
 * The one way stored rates enter the board: the stored text (null when nothing is stored) read and
 * checked as a whole. Anything wrong in it — not JSON, no version, a rate missing, not a number
 * or out of bounds — gives DEFAULT_CNY_RATES with a notice, never a partly trusted mix.
 */
export function restoreCnyRates(text: string | null): RestoredCnyRates {
  const fallback = (notice: RestoredCnyRates['notice']): RestoredCnyRates => ({ rates: { ...DEFAULT_CNY_RATES }, notice });
  if (text === null) return fallback(null);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fallback('invalid');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fallback('invalid');
  const record = raw as Record<string, unknown>;
  if (typeof record.version === 'number' && Number.isInteger(record.version) && record.version > CNY_RATES_VERSION) return fallback('newer-version');
  if (record.version !== CNY_RATES_VERSION) return fallback('invalid');
  const rates: CnyRates = { ...DEFAULT_CNY_RATES };
  for (const currency of EDITABLE_CURRENCIES) {
    const rate = record[currency];
    if (!validRate(rate)) return fallback('invalid');
    rates[currency] = rate;
  }
  return { rates, notice: null };
}

/** The stored text of `rates` (restoreCnyRates reads it back). */
export function cnyRatesText(rates: CnyRates): string {
  const stored: Record<string, number> = { version: CNY_RATES_VERSION };
  for (const currency of EDITABLE_CURRENCIES) stored[currency] = rates[currency];
  return JSON.stringify(stored);
}

/** What a rate edit did. */
export interface RateEdit {
  rates: CnyRates;
  /** Null when the text was taken as it was. */
  problem: { kind: 'invalid' } | { kind: 'clamped'; min: number; max: number } | null;
}

/**
 * Sets one currency's rate from a number the panel read: refused when it is not finite, held
 * inside CNY_RATE_LIMITS otherwise. `rates` is returned unchanged when nothing changes.
 */
export function setCnyRate(rates: CnyRates, currency: Exclude<Currency, 'CNY'>, value: number | null): RateEdit {
  if (value === null || !Number.isFinite(value)) return { rates, problem: { kind: 'invalid' } };
  const [min, max] = CNY_RATE_LIMITS;
  const rate = Math.min(max, Math.max(min, value));
  const problem = rate === value ? null : ({ kind: 'clamped', min, max } as const);
  return { rates: rate === rates[currency] ? rates : { ...rates, [currency]: rate }, problem };
}

/** Moves one currency's rate a step of 0.01 CNY up (1) or down (−1), onto that grid, inside CNY_RATE_LIMITS. */
export function stepCnyRate(rates: CnyRates, currency: Exclude<Currency, 'CNY'>, direction: 1 | -1): RateEdit {
  const scaled = rates[currency] * 100;
  // The tolerance keeps a rate already on the grid (0.29 × 100 = 28.999999999999996) from counting as off it.
  const k = direction > 0 ? Math.floor(scaled + 1e-7) + 1 : Math.ceil(scaled - 1e-7) - 1;
  return setCnyRate(rates, currency, k / 100);
}
