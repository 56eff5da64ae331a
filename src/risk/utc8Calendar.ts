/** Calendar boundaries in UTC+8, the board's one time zone (China, Hong Kong and Macao keep no DST). */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
const UTC_PLUS_8_MS = 8 * HOUR_MS;
/** Monday 1970-01-05 00:00 UTC+8, a week boundary. */
const FIRST_MONDAY_MS = 4 * DAY_MS - UTC_PLUS_8_MS;

/** Start of the UTC+8 calendar day that holds `time` (epoch ms). */
export function utc8DayStart(time: number): number {
  return Math.floor((time + UTC_PLUS_8_MS) / DAY_MS) * DAY_MS - UTC_PLUS_8_MS;
}

/** Start of the UTC+8 week (Monday 00:00) that holds `time`. */
export function utc8WeekStart(time: number): number {
  return Math.floor((time - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
}

/** Start of the hour that holds `time` (UTC+8 hours are UTC hours). */
export function hourStart(time: number): number {
  return Math.floor(time / HOUR_MS) * HOUR_MS;
}
