import { formatNumber } from '../i18n/formatNumber.ts';

/**
 * A CNY amount for a figure that must fit a narrow column and read at a glance: compact notation in
 * the board language (en 7.35B, zh 73.5亿 / 73.5億), three significant digits. Tables that need the
 * exact amount show it elsewhere (exports carry full values).
 */
export function formatCnyCompact(valueCny: number, locale: string): string {
  return formatNumber(valueCny, locale, { notation: 'compact', maximumSignificantDigits: 3, style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
}
