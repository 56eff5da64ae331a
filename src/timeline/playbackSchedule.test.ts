import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../risk/utc8Calendar.ts';
import { advancePlayback, PLAYBACK_SPEEDS, playbackPlan, playbackStart, type PlaybackPlan } from './playbackSchedule.ts';
import { boundsArbitrary, windowArbitrary } from './timelineArbitraries.ts';

const planArbitrary: fc.Arbitrary<PlaybackPlan> = boundsArbitrary.chain((bounds) =>
  fc
    .tuple(windowArbitrary(bounds), fc.constantFrom('all' as const, 'window' as const), fc.constantFrom(...PLAYBACK_SPEEDS), fc.boolean())
    .map(([window, range, speed, loop]) => playbackPlan(range, bounds, window, speed, loop)),
);

describe('playback schedule', () => {
  it('plans a non-empty stretch on whole seconds inside the bounds', () => {
    fc.assert(
      fc.property(
        boundsArbitrary.chain((bounds) => fc.tuple(fc.constant(bounds), windowArbitrary(bounds), fc.constantFrom('all' as const, 'window' as const))),
        ([bounds, window, range]) => {
          const plan = playbackPlan(range, bounds, window, DAY_MS, false);
          expect(plan.from).toBeLessThan(plan.to);
          expect(plan.from).toBeGreaterThanOrEqual(bounds.start);
          expect(plan.to).toBeLessThanOrEqual(bounds.end);
          expect(plan.from % 1000).toBe(0);
          expect(plan.to % 1000).toBe(0);
        },
      ),
    );
  }, 60_000);

  it('keeps T inside the plan on whole seconds, moving forward except where a loop starts over', () => {
    fc.assert(
      fc.property(planArbitrary, fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 40 }), (plan, frames) => {
        let time = playbackStart(plan, plan.from - 1);
        expect(time).toBe(plan.from);
        for (const elapsed of frames) {
          const next = advancePlayback(plan, time, elapsed);
          expect(next.time).toBeGreaterThanOrEqual(plan.from);
          expect(next.time).toBeLessThanOrEqual(plan.to);
          expect(next.time % 1000).toBe(0);
          if (plan.loop) expect(next.ended).toBe(false);
          const expected = time + (elapsed * plan.speed) / 1000;
          if (!plan.loop && expected >= plan.to + 500) expect(next).toEqual({ time: plan.to, ended: true });
          if (expected < plan.to - 500) expect(Math.abs(next.time - expected)).toBeLessThanOrEqual(500);
          if (!plan.loop || expected < plan.to) expect(next.time).toBeGreaterThanOrEqual(time);
          if (next.ended) break;
          time = next.time;
        }
      }),
    );
  }, 60_000);

  it('moves at the chosen speed and wraps round when looping', () => {
    const plan = { from: 0, to: 10 * DAY_MS, speed: DAY_MS, loop: true };
    expect(advancePlayback(plan, 0, 1000)).toEqual({ time: DAY_MS, ended: false });
    expect(advancePlayback(plan, 9 * DAY_MS, 2500)).toEqual({ time: 1.5 * DAY_MS, ended: false });
    expect(advancePlayback({ ...plan, loop: false }, 9 * DAY_MS, 2500)).toEqual({ time: 10 * DAY_MS, ended: true });
    expect(advancePlayback({ ...plan, speed: HOUR_MS }, 0, 1000 / 60)).toEqual({ time: 60_000, ended: false });
  });

  it('continues from T inside the stretch and starts over from its end', () => {
    const plan = { from: 1000, to: 5000, speed: HOUR_MS, loop: false };
    expect(playbackStart(plan, 3000)).toBe(3000);
    expect(playbackStart(plan, 5000)).toBe(1000);
  });
});
