import type { Locale } from '../i18n/locales.ts';
import { formatNumber } from '../i18n/formatNumber.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration for a status line, in the locale's words: "4 min", "3 h", "2 days". */
export function formatAge(ms: number, locale: Locale): string {
  const format = (value: number, unit: 'minute' | 'hour' | 'day') =>
    formatNumber(value, locale, { style: 'unit', unit, unitDisplay: unit === 'day' ? 'long' : 'short', maximumFractionDigits: 0 });
  if (ms < HOUR) return format(Math.max(0, Math.floor(ms / MINUTE)), 'minute');
  if (ms < 2 * DAY) return format(Math.floor(ms / HOUR), 'hour');
  return format(Math.floor(ms / DAY), 'day');
}
