import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtc8 } from './formatUtc8.ts';
import { parseUtc8DateTime } from './parseUtc8DateTime.ts';

const MINUTE_MS = 60_000;

describe('parseUtc8DateTime', () => {
  it('reads back every whole minute formatUtc8 writes, from 1970 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 / MINUTE_MS }), (minutes) => {
        const time = minutes * MINUTE_MS;
        expect(parseUtc8DateTime(formatUtc8(time, false))).toBe(time);
        expect(parseUtc8DateTime(formatUtc8(time, true))).toBe(time);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the time as UTC+8 wall-clock time', () => {
    expect(parseUtc8DateTime('2026-11-20 12:00')).toBe(Date.parse('2026-11-20T12:00:00+08:00'));
    expect(parseUtc8DateTime('2026-11-20T08:30:15')).toBe(Date.parse('2026-11-20T08:30:15+08:00'));
    expect(parseUtc8DateTime('2026-1-5 9:05')).toBe(Date.parse('2026-01-05T09:05:00+08:00'));
    expect(parseUtc8DateTime('  2026-11-20  ')).toBe(Date.parse('2026-11-20T00:00:00+08:00'));
    expect(parseUtc8DateTime('１９７０-０１-０１ ０８：００')).toBe(0);
  });

  it('refuses what is not a date and time, or names one that does not exist', () => {
    for (const text of ['', 'now', '2026-13-01 00:00', '2026-02-30 10:00', '2025-02-29', '2026-11-20 24:00', '2026-11-20 12:60', '2026-11-20 12:00:60', '20261120', '2026/11/20 12:00', '2026-11-20 12:00 +08:00', '12:00'])
      expect(parseUtc8DateTime(text), text).toBeNull();
    expect(parseUtc8DateTime('2024-02-29 23:59')).toBe(Date.parse('2024-02-29T23:59:00+08:00'));
  });
});
