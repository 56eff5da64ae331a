import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDateTimeAt, parseFeedTime, type TimeFailure } from './parseFeedTime.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('parseFeedTime', () => {
  it.each<[unknown, number]>([
    ['2026-03-01T10:00:00Z', utc(2026, 3, 1, 10)],
    ['2026-03-01T10:00Z', utc(2026, 3, 1, 10)],
    ['2026-03-01t10:00:00z', utc(2026, 3, 1, 10)],
    ['2026-03-01T10:00:00.123Z', utc(2026, 3, 1, 10, 0, 0, 123)],
    ['2026-03-01T10:00:00.5Z', utc(2026, 3, 1, 10, 0, 0, 500)],
    ['2026-03-01T10:00:00.123456789Z', utc(2026, 3, 1, 10, 0, 0, 123)],
    ['2026-03-01T10:00:00,25Z', utc(2026, 3, 1, 10, 0, 0, 250)],
    ['2026-03-01T10:00:00+08:00', utc(2026, 3, 1, 2)],
    ['2026-03-01T10:00:00+0800', utc(2026, 3, 1, 2)],
    ['2026-03-01T10:00:00+08', utc(2026, 3, 1, 2)],
    ['2026-03-01T10:00:00-05:30', utc(2026, 3, 1, 15, 30)],
    ['2026-03-01T00:30:00+14:00', utc(2026, 2, 28, 10, 30)],
    ['2026-03-01 10:00:00+08:00', utc(2026, 3, 1, 2)],
    // No zone: the bay's UTC+08:00.
    ['2026-03-01 10:00', utc(2026, 3, 1, 2)],
    ['2026-03-01 10:00:30', utc(2026, 3, 1, 2, 0, 30)],
    ['2026-03-01T10:00:30', utc(2026, 3, 1, 2, 0, 30)],
    ['2026-01-01 05:00', utc(2025, 12, 31, 21)],
    ['  2026-03-01 10:00  ', utc(2026, 3, 1, 2)],
    ['2024-02-29 12:00', utc(2024, 2, 29, 4)],
    ['2000-02-29T00:00Z', utc(2000, 2, 29)],
    // Epoch milliseconds, as digits or a JSON number.
    ['1772330400000', 1772330400000],
    [1772330400000, 1772330400000],
    ['100000000000', 1e11],
  ])('%j -> %d', (value, expected) => {
    expect(parseFeedTime(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['2026-02-30 10:00', 'February 2026 has 28 days'],
    ['2025-02-29 10:00', 'February 2025 has 28 days'],
    ['1900-02-29 10:00', 'February 1900 has 28 days'],
    ['2026-04-31 10:00', 'April 2026 has 30 days'],
    ['2026-13-01 10:00', 'no month 13'],
    ['2026-00-10 10:00', 'no month 0'],
    ['2026-03-00 10:00', 'March 2026 has 31 days'],
    ['2026-03-01 25:61', 'not a real time of day'],
    ['2026-03-01 24:00', 'not a real time of day'],
    ['2026-03-01 23:60', 'not a real time of day'],
    ['2026-03-01 23:59:60', 'not a real time of day'],
    ['2026-03-01', 'no time of day'],
    ['2026/03/01 10:00', 'not a date-time'],
    ['01/03/2026 10:00', 'not a date-time'],
    ['2026-3-1 10:00', 'not a date-time'],
    ['2026-03-01 10', 'not a date-time'],
    ['2026-03-01 1000', 'not a date-time'],
    ['2026-03-01 10:00 +08:00', 'unexpected text'],
    ['2026-03-01T10:00:00+8', 'malformed UTC offset'],
    ['2026-03-01T10:00:00+15:00', 'offset out of range'],
    ['2026-03-01T10:00:00+08:60', 'offset out of range'],
    ['2026-03-01T10:00:00.Z', 'decimal point without digits'],
    ['2026-03-01T10:00:0Z', 'malformed seconds'],
    ['2026-03-01T10:00:00ZZ', 'unexpected text'],
    ['1899-12-31 10:00', 'year outside'],
    ['yesterday', 'not a date-time'],
    ['', 'is empty'],
    ['1772330400', 'epoch seconds'],
    ['99999999999999', 'out of range'],
    [1772330400.5, 'not a whole number'],
    [1772330400, 'out of range'],
    [Number.NaN, 'not a whole number'],
    [null, 'must be text or a number'],
    [true, 'must be text or a number'],
    [{}, 'must be text or a number'],
  ])('refuses %j (%s)', (value, reason) => {
    const failure: TimeFailure = { reason: '' };
    expect(parseFeedTime(value, failure)).toBeNaN();
    expect(failure.reason).toContain(reason);
  });

  it('works without a failure sink', () => {
    expect(parseFeedTime('nope')).toBeNaN();
  });
});

describe('parseFeedTime calendar arithmetic', () => {
  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 + 3_600_000 + 61_000) {
      const d = new Date(t);
      const text = `${d.toISOString().slice(0, 19)}Z`;
      expect(parseFeedTime(text)).toBe(Math.floor(t / 1000) * 1000);
    }
  });
});

describe('parseFeedDateTimeAt', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  /** Date-time text near and across every rule: valid forms, bad calendar values, bad shapes. */
  const dateTimeText = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 1890, max: 3010 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom('T', 't', ' ', '/', ''),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.integer({ min: 0, max: 61 })),
        fc.constantFrom('', '.5', '.123', '.123456789', ',25', '.'),
        fc.constantFrom('', 'Z', 'z', '+08:00', '+0800', '+08', '-05:30', '+14:00', '+14:01', '+15:00', '+08:60', '+8', '+08:', ' +08:00', 'ZZ', 'x'),
      )
      .map(([y, mo, d, sep, h, mi, s, frac, zone]) => {
        const seconds = s === null ? '' : `:${two(s)}${frac}`;
        return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}${seconds}${zone}`;
      }),
    fc.date({ min: new Date('1899-01-01'), max: new Date('3001-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-03-01', '2026-03-01 10', '2026-03-01 1000', '1772330400000', '1772330400', ' 2026-03-01 10:00', '2026-03-01 10:00 '),
    fc.string({ maxLength: 30 }),
  );

  it('reads text in place exactly as parseFeedTime reads it cut out, or declines with NaN', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), dateTimeText, fc.constantFrom('', ',', '0', ':00', '9,x'), (before, text, after) => {
        const whole = before + text + after;
        const inPlace = parseFeedDateTimeAt(whole, before.length, before.length + text.length);
        const cutOut = parseFeedTime(text);
        if (Number.isNaN(inPlace)) {
          // Declining is only allowed where parseFeedTime would fail, trim or read epoch digits.
          if (!Number.isNaN(cutOut)) expect(text.trim() !== text || /^[0-9]+$/.test(text)).toBe(true);
        } else {
          expect(inPlace).toBe(cutOut);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the usual forms', () => {
    const row = 'A-1,2026-03-01T10:00:00+08:00,2026-03-01 10:00,';
    expect(parseFeedDateTimeAt(row, 4, 29)).toBe(Date.UTC(2026, 2, 1, 2));
    expect(parseFeedDateTimeAt(row, 30, 46)).toBe(Date.UTC(2026, 2, 1, 2));
    expect(parseFeedDateTimeAt(row, 30, 45)).toBeNaN();
  });
});
