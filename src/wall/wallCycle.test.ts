import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceCycle, cycleDeadline, cycleShown, interruptCycle, MAX_QUEUED_ALERTS, pinCycle, startCycle, type CycleShown, type CycleTiming } from './wallCycle.ts';

/**
 * The plain reference: one tick per time unit, counting down the current item's time or the
 * alert's hold. Events at a time apply after that time's tick.
 */
class TickCycle {
  index = 0;
  dwellLeft: number;
  hold: { key: string; left: number } | null = null;
  queue: string[] = [];

  constructor(
    private readonly timing: CycleTiming,
    private pinned: number | null,
  ) {
    this.dwellLeft = timing.cycleMs;
    if (pinned !== null) this.index = pinned;
  }

  tick(): void {
    if (this.hold !== null) {
      this.hold.left--;
      if (this.hold.left === 0) {
        const key = this.queue.shift();
        this.hold = key === undefined ? null : { key, left: this.timing.holdMs };
      }
      return;
    }
    if (this.pinned !== null || this.timing.count < 2) return;
    this.dwellLeft--;
    if (this.dwellLeft === 0) {
      this.index = (this.index + 1) % this.timing.count;
      this.dwellLeft = this.timing.cycleMs;
    }
  }

  arrive(keys: string[]): void {
    for (const key of keys) {
      if (key === this.hold?.key || this.queue.includes(key)) continue;
      if (this.hold === null) this.hold = { key, left: this.timing.holdMs };
      else if (this.queue.length < MAX_QUEUED_ALERTS) this.queue.push(key);
    }
  }

  pin(index: number | null): void {
    this.pinned = index;
    if (index !== null) this.index = index;
    this.dwellLeft = this.timing.cycleMs;
  }

  shown(): CycleShown {
    if (this.hold !== null) return { kind: 'alert', key: this.hold.key };
    if (this.timing.count === 0) return { kind: 'none' };
    return { kind: 'item', index: this.index };
  }
}

type CycleEvent = { at: number; kind: 'alerts'; keys: string[] } | { at: number; kind: 'pin'; index: number | null };

const scenario = fc
  .record({
    count: fc.integer({ min: 0, max: 6 }),
    cycleMs: fc.integer({ min: 1, max: 12 }),
    holdMs: fc.integer({ min: 1, max: 9 }),
    duration: fc.integer({ min: 1, max: 200 }),
    pinnedAtStart: fc.boolean(),
    events: fc.array(
      fc.oneof(
        fc.record({ at: fc.integer({ min: 0, max: 200 }), kind: fc.constant('alerts' as const), keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 4 }) }),
        fc.record({ at: fc.integer({ min: 0, max: 200 }), kind: fc.constant('pin' as const), index: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }) }),
      ),
      { maxLength: 25 },
    ),
  })
  .map((s) => ({
    ...s,
    // Pins name an existing item.
    events: s.events
      .filter((event) => event.kind === 'alerts' || event.index === null || event.index < s.count)
      .sort((a, b) => a.at - b.at) as CycleEvent[],
  }));

describe('wall cycle', () => {
  it('shows what a tick-by-tick reference shows, driven only at its deadlines and events', () => {
    fc.assert(
      fc.property(scenario, ({ count, cycleMs, holdMs, duration, pinnedAtStart, events }) => {
        const startPin = pinnedAtStart && count > 0 ? count - 1 : null;
        const timing: CycleTiming = { count, cycleMs, holdMs, pinnedIndex: startPin };
        const reference = new TickCycle(timing, startPin);
        let state = startCycle(0, startPin ?? 0);
        for (let t = 0; t <= duration; t++) {
          if (t > 0) reference.tick();
          let guard = 0;
          while (t >= cycleDeadline(state, timing)) {
            state = advanceCycle(state, timing, t);
            if (++guard > 10) throw new Error('deadline does not move');
          }
          // Advancing before a deadline never changes what is shown.
          expect(cycleShown(advanceCycle(state, timing, t), timing)).toEqual(cycleShown(state, timing));
          for (const event of events.filter((e) => e.at === t)) {
            if (event.kind === 'pin') {
              timing.pinnedIndex = event.index;
              state = pinCycle(state, event.index, t);
              reference.pin(event.index);
            } else {
              state = interruptCycle(state, event.keys, holdMs, t);
              reference.arrive(event.keys);
            }
          }
          expect(cycleShown(state, timing)).toEqual(reference.shown());
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('gives the interrupted item the rest of its time', () => {
    const timing: CycleTiming = { count: 3, cycleMs: 60_000, holdMs: 30_000, pinnedIndex: null };
    let state = startCycle(0);
    state = interruptCycle(state, ['cell:abc'], timing.holdMs, 20_000);
    expect(cycleShown(state, timing)).toEqual({ kind: 'alert', key: 'cell:abc' });
    expect(cycleDeadline(state, timing)).toBe(50_000);
    state = advanceCycle(state, timing, 50_000);
    expect(cycleShown(state, timing)).toEqual({ kind: 'item', index: 0 });
    expect(cycleDeadline(state, timing)).toBe(90_000);
  });

  it('does not replay items missed while the page was asleep', () => {
    const timing: CycleTiming = { count: 4, cycleMs: 10, holdMs: 5, pinnedIndex: null };
    const state = advanceCycle(startCycle(0), timing, 1_000);
    expect(state.index).toBe(1);
    expect(state.since).toBe(1_000);
  });

  it('keeps at most a few alerts waiting', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const state = interruptCycle(startCycle(0), keys, 10, 0);
    expect(state.queue).toHaveLength(MAX_QUEUED_ALERTS);
    expect(state.interruption?.key).toBe('k0');
  });
});
