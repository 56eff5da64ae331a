import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAtTime } from './runAtTime.ts';

describe('runAtTime', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, never before the clock reads the deadline, however far the clock lags the timers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }),
        (delay, lagEvery, lags) => {
          vi.clearAllTimers();
          const start = Date.now();
          // A clock behind the timers' own by a varying whole number of ms, now and then.
          let reads = 0;
          let lastRead = Number.NaN;
          const clock = () => {
            reads++;
            lastRead = Date.now() - (lagEvery > 0 && reads % (lagEvery + 1) === 0 ? lags[reads % lags.length] : 0);
            return lastRead;
          };
          const deadline = start + delay;
          const clockWhenRun: number[] = [];
          runAtTime(deadline, () => clockWhenRun.push(lastRead), clock);
          vi.advanceTimersByTime(Math.ceil(delay) + 200);
          expect(clockWhenRun).toHaveLength(1);
          expect(clockWhenRun[0]).toBeGreaterThanOrEqual(deadline);
        },
      ),
    );
  });

  it('waits again when its timer fires before a fractional deadline (what stopped the wall cycle)', () => {
    const start = Date.now();
    const deadline = start + 1388.889;
    const seen: number[] = [];
    runAtTime(deadline, () => seen.push(Date.now()));
    vi.advanceTimersByTime(1388);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([start + 1389]);
  });

  it('runs a deadline already passed on the next turn, not inside the call', () => {
    const seen: string[] = [];
    runAtTime(Date.now() - 50, () => seen.push('ran'));
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(seen).toEqual(['ran']);
  });

  it('does not run once cancelled', () => {
    const seen: string[] = [];
    const cancel = runAtTime(Date.now() + 100, () => seen.push('ran'));
    vi.advanceTimersByTime(60);
    cancel();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([]);
  });
});
