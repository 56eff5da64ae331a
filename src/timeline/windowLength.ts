import { DAY_MS, HOUR_MS } from '../risk/utc8Calendar.ts';

/** A window's length for people: whole days when it is whole days, else hours (one decimal at most). */
export function windowLength(windowMs: number): { unit: 'days' | 'hours'; count: number } {
  if (windowMs >= DAY_MS && windowMs % DAY_MS === 0) return { unit: 'days', count: windowMs / DAY_MS };
  return { unit: 'hours', count: Math.round((windowMs / HOUR_MS) * 10) / 10 };
}
