import { describe, expect, it } from 'vitest';
import { formatBinRange } from './formatBinRange.ts';
import { windowLength } from './windowLength.ts';

describe('timeline texts', () => {
  it('gives a bin span in 24-hour UTC+8, dropping a repeated year', () => {
    expect(formatBinRange(Date.UTC(2026, 10, 19, 16), Date.UTC(2026, 10, 20, 16))).toBe('2026-11-20 00:00 – 11-21 00:00');
    expect(formatBinRange(Date.UTC(2026, 11, 31, 5), Date.UTC(2026, 11, 31, 16))).toBe('2026-12-31 13:00 – 2027-01-01 00:00');
  });

  it('says a window in days when whole days, else in hours', () => {
    expect(windowLength(30 * 86_400_000)).toEqual({ unit: 'days', count: 30 });
    expect(windowLength(5 * 3_600_000)).toEqual({ unit: 'hours', count: 5 });
    expect(windowLength(36 * 3_600_000)).toEqual({ unit: 'hours', count: 36 });
  });
});
