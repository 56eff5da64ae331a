import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import { DAY_MS, HOUR_MS } from '../risk/utc8Calendar.ts';
import { axisTicks } from './axisTicks.ts';

describe('axis ticks', () => {
  it('lie inside the span, in order, far enough apart, labelled in 24-hour UTC+8', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: HOUR_MS, max: 20 * 365 * DAY_MS }),
        fc.double({ min: 200, max: 4000, noNaN: true }),
        fc.double({ min: 30, max: 120, noNaN: true }),
        (start, length, width, minSpacing) => {
          const end = start + length;
          const ticks = axisTicks(start, end, width, minSpacing);
          const pxPerMs = width / length;
          for (let k = 0; k < ticks.length; k++) {
            const tick = ticks[k];
            expect(tick.time).toBeGreaterThanOrEqual(start);
            expect(tick.time).toBeLessThanOrEqual(end);
            if (k > 0) expect((tick.time - ticks[k - 1].time) * pxPerMs).toBeGreaterThanOrEqual(minSpacing * (28 / 30.44) - 1e-6);
            const text = formatUtc8(tick.time, false); // "YYYY-MM-DD HH:mm"
            expect([text.slice(11, 16), text.slice(5, 10), text.slice(0, 7), text.slice(0, 4)]).toContain(tick.label);
          }
        },
      ),
    );
  }, 60_000);

  it('has steps coarse enough for twenty years in a narrow axis (a decade step fell 8 px short)', () => {
    const start = Date.UTC(1990, 0, 5, 16) + 31; // 1990-01-06 00:00 UTC+8
    const end = Date.UTC(2009, 11, 31, 16); // 2010-01-01 00:00 UTC+8: ticks at 2000 and 2010 on a decade step
    const ticks = axisTicks(start, end, 200, 108.8);
    const pxPerMs = 200 / (end - start);
    for (let k = 1; k < ticks.length; k++) expect((ticks[k].time - ticks[k - 1].time) * pxPerMs).toBeGreaterThanOrEqual(108.8);
    expect(ticks.length).toBeGreaterThan(0);
  });

  it('marks midnights among hour ticks with the date, and starts days on UTC+8 midnight', () => {
    const start = Date.UTC(2026, 10, 19, 12); // 20:00 UTC+8
    const ticks = axisTicks(start, start + 12 * HOUR_MS, 1200, 40);
    expect(ticks.slice(0, 5).map((tick) => tick.label)).toEqual(['20:00', '21:00', '22:00', '23:00', '11-20']);
    expect(ticks[4].major).toBe(true);
    const days = axisTicks(start, start + 10 * DAY_MS, 1000, 60);
    expect(days[0].label).toBe('11-20');
    expect(formatUtc8(days[0].time, false)).toBe('2026-11-20 00:00');
  });
});
