import type { Locale } from '../i18n/locales.ts';

/** One labelled bar of a score breakdown. */
export interface BreakdownBar {
  key: string;
  label: string;
  /** Share of the score, 0..1. */
  share: number;
  /** The share as the language writes a percentage ("42%", "3.5%", "<0.1%"). */
  percent: string;
}

/** A share as a percentage: whole percents from 10 %, one decimal below, "<0.1%" for the smallest. */
export function formatShare(share: number, locale: Locale): string {
  if (share < 0.001) return `<${(0.001).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 })}`;
  return share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: share < 0.1 ? 1 : 0 });
}

/** The non-zero shares of a breakdown as bars, largest first (ties by key), each named by `label`. */
export function breakdownBars(shares: Readonly<Partial<Record<string, number>>>, label: (key: string) => string, locale: Locale): BreakdownBar[] {
  const bars: BreakdownBar[] = [];
  for (const [key, share] of Object.entries(shares)) {
    if (share !== undefined && share > 0) bars.push({ key, label: label(key), share, percent: formatShare(share, locale) });
  }
  return bars.sort((a, b) => b.share - a.share || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
