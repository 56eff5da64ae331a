/** Receives the reason when parseFeedTime fails; reuse one object across calls. */
export interface TimeFailure {
  reason: string;
}

/** Offset assumed for `YYYY-MM-DD HH:mm[:ss]` without a zone: the whole bay is on UTC+08:00. */
export const DEFAULT_OFFSET_MINUTES = 8 * 60;

/** Epoch-millisecond inputs must lie in [MIN_EPOCH_MS, MAX_EPOCH_MS): 11 to 13 digits. */
export const MIN_EPOCH_MS = 1e11;
/** Upper bound (exclusive) of epoch-millisecond inputs, 2286-11-20. */
export const MAX_EPOCH_MS = 1e13;

/** Calendar years accepted in date-time text. */
export const MIN_YEAR = 1900;
/** Last calendar year accepted in date-time text. */
export const MAX_YEAR = 2999;

const EXPECTED = 'expected YYYY-MM-DDTHH:mm[:ss][.sss] with Z or ±HH:mm, YYYY-MM-DD HH:mm[:ss] (UTC+08:00), or epoch milliseconds';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function fail(failure: TimeFailure | undefined, reason: string): number {
  if (failure) failure.reason = reason;
  return Number.NaN;
}

function show(text: string): string {
  return `'${text.length > 40 ? `${text.slice(0, 37)}…` : text}'`;
}

/** Two decimal digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days before the first of each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap days from year 0 up to and including 1969, in the Gregorian count below. */
const LEAP_DAYS_TO_1969 = Math.floor(1969 / 4) - Math.floor(1969 / 100) + Math.floor(1969 / 400);

/** Days from 1970-01-01 to the given Gregorian date (cheaper than Date.UTC in a per-row loop). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  // A leap day only counts once February is over.
  const y = month <= 2 ? year - 1 : year;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - LEAP_DAYS_TO_1969;
  return (year - 1970) * 365 + leapDays + DAYS_BEFORE_MONTH[month - 1] + day - 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseEpochDigits(s: string, failure: TimeFailure | undefined): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return fail(failure, `${show(s)} is not a date-time: ${EXPECTED}`);
  }
  const ms = Number(s);
  if (ms < MIN_EPOCH_MS || ms >= MAX_EPOCH_MS) {
    return fail(
      failure,
      s.length === 10
        ? `${show(s)} looks like epoch seconds; give epoch milliseconds (13 digits)`
        : `${show(s)} is out of range for epoch milliseconds (11 to 13 digits)`,
    );
  }
  return ms;
}

function parseDateTimeText(s: string, failure: TimeFailure | undefined): number {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return fail(failure, `${show(s)} is not a date-time: ${EXPECTED}`);
  const yHi = twoDigits(s, 0);
  const yLo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (yHi < 0 || yLo < 0 || month < 0 || day < 0) return fail(failure, `${show(s)} is not a date-time: ${EXPECTED}`);
  const year = yHi * 100 + yLo;
  if (n === 10) return fail(failure, `${show(s)} has a date but no time of day: ${EXPECTED}`);
  const sep = s.charCodeAt(10);
  // 'T', 't' or a space between date and time.
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || s.charCodeAt(13) !== 58) {
    return fail(failure, `${show(s)} is not a date-time: ${EXPECTED}`);
  }
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  if (hour < 0 || minute < 0) return fail(failure, `${show(s)} is not a date-time: ${EXPECTED}`);
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = twoDigits(s, i + 1);
    if (second < 0) return fail(failure, `${show(s)} has malformed seconds: ${EXPECTED}`);
    i += 3;
    const dot = s.charCodeAt(i);
    if (i < n && (dot === 46 || dot === 44)) {
      i++;
      const start = i;
      let scale = 100;
      while (i < n) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        // Keep milliseconds; finer digits are truncated.
        if (scale >= 1) millis += d * scale;
        scale /= 10;
        i++;
      }
      if (i === start) return fail(failure, `${show(s)} has a decimal point without digits`);
    }
  }
  let offset = DEFAULT_OFFSET_MINUTES;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 || z === 122) {
      offset = 0;
      i++;
    } else if (z === 43 || z === 45) {
      const oh = twoDigits(s, i + 1);
      if (oh < 0) return fail(failure, `${show(s)} has a malformed UTC offset (expected ±HH:mm)`);
      i += 3;
      let om = 0;
      if (i < n) {
        if (s.charCodeAt(i) === 58) i++;
        om = twoDigits(s, i);
        if (om < 0) return fail(failure, `${show(s)} has a malformed UTC offset (expected ±HH:mm)`);
        i += 2;
      }
      if (oh > 14 || om > 59 || (oh === 14 && om > 0)) return fail(failure, `${show(s)} has a UTC offset out of range (±14:00 at most)`);
      offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return fail(failure, `${show(s)} has unexpected text after the time: ${EXPECTED}`);
    }
    if (i !== n) return fail(failure, `${show(s)} has unexpected text after the time: ${EXPECTED}`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(failure, `${show(s)} has a year outside ${MIN_YEAR}–${MAX_YEAR}`);
  if (month < 1 || month > 12) return fail(failure, `${show(s)} is not a real calendar date: there is no month ${month}`);
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) {
    return fail(failure, `${show(s)} is not a real calendar date: ${MONTHS[month - 1]} ${year} has ${dim} days`);
  }
  if (hour > 23 || minute > 59 || second > 59) return fail(failure, `${show(s)} is not a real time of day (00:00:00–23:59:59)`);
  return daysSinceEpoch(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/**
 * Parses a feed time to epoch milliseconds (UTC), or returns NaN and sets `failure.reason`.
 * Accepted: ISO 8601 `YYYY-MM-DDTHH:mm[:ss[.fff]]` with `Z` or `±HH[:mm]`; the same without a
 * zone (`T` or space separator) read as UTC+08:00; epoch milliseconds as a number or a string
 * of 11–13 digits. Impossible calendar values (2026-02-30, 25:61) are refused, not rolled over.
 */
export function parseFeedTime(value: unknown, failure?: TimeFailure): number {
  if (typeof value === 'string') {
    const s = value.trim();
    if (s.length === 0) return fail(failure, 'is empty');
    const c = s.charCodeAt(4);
    // A '-' in fifth place means date text; otherwise only an all-digit epoch is acceptable.
    return c === 45 ? parseDateTimeText(s, failure) : parseEpochDigits(s, failure);
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return fail(failure, `${String(value)} is not a whole number of epoch milliseconds`);
    if (value < MIN_EPOCH_MS || value >= MAX_EPOCH_MS) {
      return fail(failure, `${String(value)} is out of range for epoch milliseconds (between 1e11 and 1e13)`);
    }
    return value;
  }
  return fail(failure, `must be text or a number, not ${value === null ? 'null' : typeof value}`);
}
