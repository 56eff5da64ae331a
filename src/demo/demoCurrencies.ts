import { DEFAULT_CNY_RATES, type Currency } from '../feeds/cnyRates.ts';

/** Currencies of the three customs territories. */
export type DemoCurrency = Currency;

/**
 * Fixed demo exchange rates, CNY per one unit of each currency: the importer's defaults, so a
 * demo feed imported with default settings gives back exactly the generated `valueCny`.
 */
export const DEMO_CNY_RATES: Readonly<Record<DemoCurrency, number>> = DEFAULT_CNY_RATES;

/** The currency a demo source reports values in: HKD for Hong Kong Customs, MOP for Macao, else CNY. */
export function demoCurrencyOfSource(source: string): DemoCurrency {
  if (source === 'HKCED') return 'HKD';
  if (source === 'MOCS') return 'MOP';
  return 'CNY';
}
