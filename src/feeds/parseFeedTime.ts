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
  const charCodeAt = String.prototype.charCodeAt;
  const a = charCodeAt.call(s, i) - 48;
  const b = charCodeAt.call(s, i + 1) - 48;
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

// Why date-time text failed; turned into a message only when the caller asks for one.
const FLAW_SHAPE = 0;
const FLAW_NO_TIME_OF_DAY = 1;
const FLAW_SECONDS = 2;
const FLAW_EMPTY_FRACTION = 3;
const FLAW_OFFSET = 4;
const FLAW_OFFSET_RANGE = 5;
const FLAW_TRAILING_TEXT = 6;
const FLAW_YEAR = 7;
const FLAW_MONTH = 8;
const FLAW_DAY = 9;
const FLAW_TIME_OF_DAY = 10;

function describeFlaw(flaw: number, s: string, year: number, month: number): string {
  switch (flaw) {
    case FLAW_SHAPE:
      return `${show(s)} is not a date-time: ${EXPECTED}`;
    case FLAW_NO_TIME_OF_DAY:
      return `${show(s)} has a date but no time of day: ${EXPECTED}`;
    case FLAW_SECONDS:
      return `${show(s)} has malformed seconds: ${EXPECTED}`;
    case FLAW_EMPTY_FRACTION:
      return `${show(s)} has a decimal point without digits`;
    case FLAW_OFFSET:
      return `${show(s)} has a malformed UTC offset (expected ±HH:mm)`;
    case FLAW_OFFSET_RANGE:
      return `${show(s)} has a UTC offset out of range (±14:00 at most)`;
    case FLAW_TRAILING_TEXT:
      return `${show(s)} has unexpected text after the time: ${EXPECTED}`;
    case FLAW_YEAR:
      return `${show(s)} has a year outside ${MIN_YEAR}–${MAX_YEAR}`;
    case FLAW_MONTH:
      return `${show(s)} is not a real calendar date: there is no month ${month}`;
    case FLAW_DAY:
      return `${show(s)} is not a real calendar date: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
    default:
      return `${show(s)} is not a real time of day (00:00:00–23:59:59)`;
  }
}

// Side results of readDateTime, kept in module state to avoid allocating a result per call.
let flawFound = FLAW_SHAPE;
let flawYear = 0;
let flawMonth = 0;

function flawed(flaw: number, year = 0, month = 0): number {
  flawFound = flaw;
  flawYear = year;
  flawMonth = month;
  return Number.NaN;
}

/**
 * Reads `YYYY-MM-DD[T ]HH:mm[:ss[.fff]][Z|±HH[:mm]]` from s[start, end) to epoch milliseconds, or
 * returns NaN and leaves the reason in flawFound. s[start + 4] is known to be '-'.
 */
function readDateTime(s: string, start: number, end: number): number {
  // `s` is a whole CSV buffer or a cell of any internal string shape; an `s.charCodeAt` lookup
  // would turn megamorphic and V8 would call the method per character instead of inlining it.
  const charCodeAt = String.prototype.charCodeAt;
  const n = end - start;
  if (n < 10 || charCodeAt.call(s, start + 7) !== 45) return flawed(FLAW_SHAPE);
  const yHi = twoDigits(s, start);
  const yLo = twoDigits(s, start + 2);
  const month = twoDigits(s, start + 5);
  const day = twoDigits(s, start + 8);
  if (yHi < 0 || yLo < 0 || month < 0 || day < 0) return flawed(FLAW_SHAPE);
  const year = yHi * 100 + yLo;
  if (n === 10) return flawed(FLAW_NO_TIME_OF_DAY);
  const sep = charCodeAt.call(s, start + 10);
  // 'T', 't' or a space between date and time.
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || charCodeAt.call(s, start + 13) !== 58) return flawed(FLAW_SHAPE);
  const hour = twoDigits(s, start + 11);
  const minute = twoDigits(s, start + 14);
  if (hour < 0 || minute < 0) return flawed(FLAW_SHAPE);
  let i = start + 16;
  let second = 0;
  let millis = 0;
  if (i < end && charCodeAt.call(s, i) === 58) {
    // Reading past `end` would see the next field, where the whole-string version saw NaN.
    second = i + 2 < end ? twoDigits(s, i + 1) : -1;
    if (second < 0) return flawed(FLAW_SECONDS);
    i += 3;
    const dot = charCodeAt.call(s, i);
    if (i < end && (dot === 46 || dot === 44)) {
      i++;
      const digitsFrom = i;
      let scale = 100;
      while (i < end) {
        const d = charCodeAt.call(s, i) - 48;
        if (d < 0 || d > 9) break;
        // Keep milliseconds; finer digits are truncated.
        if (scale >= 1) millis += d * scale;
        scale /= 10;
        i++;
      }
      if (i === digitsFrom) return flawed(FLAW_EMPTY_FRACTION);
    }
  }
  let offset = DEFAULT_OFFSET_MINUTES;
  if (i < end) {
    const z = charCodeAt.call(s, i);
    if (z === 90 || z === 122) {
      offset = 0;
      i++;
    } else if (z === 43 || z === 45) {
      const oh = i + 2 < end ? twoDigits(s, i + 1) : -1;
      if (oh < 0) return flawed(FLAW_OFFSET);
      i += 3;
      let om = 0;
      if (i < end) {
        if (charCodeAt.call(s, i) === 58) i++;
        om = i + 1 < end ? twoDigits(s, i) : -1;
        if (om < 0) return flawed(FLAW_OFFSET);
        i += 2;
      }
      if (oh > 14 || om > 59 || (oh === 14 && om > 0)) return flawed(FLAW_OFFSET_RANGE);
      offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return flawed(FLAW_TRAILING_TEXT);
    }
    if (i !== end) return flawed(FLAW_TRAILING_TEXT);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return flawed(FLAW_YEAR);
  if (month < 1 || month > 12) return flawed(FLAW_MONTH, year, month);
  if (day < 1 || day > daysInMonth(year, month)) return flawed(FLAW_DAY, year, month);
  if (hour > 23 || minute > 59 || second > 59) return flawed(FLAW_TIME_OF_DAY);
  return daysSinceEpoch(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/**
 * Parses date-time text in s[start, end) exactly as parseFeedTime parses that substring, or
 * returns NaN for anything else — epoch digits and surrounding whitespace included — leaving
 * the caller to take parseFeedTime's path for the reason. Lets a CSV reader parse in place.
 */
export function parseFeedDateTimeAt(s: string, start: number, end: number): number {
  if (end - start < 10 || String.prototype.charCodeAt.call(s, start + 4) !== 45) return Number.NaN;
  return readDateTime(s, start, end);
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
    if (c !== 45) return parseEpochDigits(s, failure);
    const ms = readDateTime(s, 0, s.length);
    if (Number.isNaN(ms) && failure) failure.reason = describeFlaw(flawFound, s, flawYear, flawMonth);
    return ms;
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
