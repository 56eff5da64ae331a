import { formatUtc8 } from '../domain/formatUtc8.ts';

/**
 * A bin's span in 24-hour UTC+8: `2026-11-20 00:00 – 11-21 00:00` (the end without its year when
 * the year is the same), the same in every language.
 */
export function formatBinRange(from: number, to: number): string {
  const start = formatUtc8(from, false);
  const end = formatUtc8(to, false);
  return `${start} – ${end.slice(0, 4) === start.slice(0, 4) ? end.slice(5) : end}`;
}
