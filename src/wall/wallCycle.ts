/**
 * The wall's cycle as a pure state machine: which playlist item is on, for how long, and which
 * new alerts hold the wall before the cycle resumes. Time is whatever clock the caller passes
 * (epoch ms on the wall, small integers in tests); the caller advances the state at the deadline
 * `cycleDeadline` names, and whenever something happens (new alerts, a pin).
 */

/** How the cycle is timed. */
export interface CycleTiming {
  /** Items in the playlist. */
  count: number;
  /** How long each item stays on. */
  cycleMs: number;
  /** How long one alert holds the wall. */
  holdMs: number;
  /** The item the cycle holds, or null to cycle. */
  pinnedIndex: number | null;
}

/** An alert holding the wall, by key, until a time. */
export interface CycleInterruption {
  key: string;
  until: number;
}

/** Where the cycle stands. */
export interface CycleState {
  /** The current item (also while an alert holds the wall: the one to resume). */
  index: number;
  /** When the current item came on, or back on after an interruption. */
  since: number;
  /** How long the current item had been on before an interruption took the wall. */
  spent: number;
  interruption: CycleInterruption | null;
  /** Alerts waiting for the wall, oldest first. */
  queue: string[];
}

/** What the wall shows now. */
export type CycleShown = { kind: 'item'; index: number } | { kind: 'alert'; key: string } | { kind: 'none' };

/** Most alerts waiting at once: a burst of new alerts must not hold the wall for hours. */
export const MAX_QUEUED_ALERTS = 6;

/** The cycle at its start: item `index` on from `now`. */
export function startCycle(now: number, index = 0): CycleState {
  return { index, since: now, spent: 0, interruption: null, queue: [] };
}

function clampIndex(index: number, count: number): number {
  return count === 0 ? 0 : Math.min(Math.max(0, index), count - 1);
}

/**
 * The state at `now`: an alert whose hold is over gives the wall to the next waiting one, or back
 * to the item it interrupted (which then gets the rest of its time); an item whose time is over
 * gives way to the next (wrapping around), unless the cycle is pinned. A caller that was late by
 * more than a whole cycle does not replay the missed items: the next one starts now.
 */
export function advanceCycle(state: CycleState, timing: CycleTiming, now: number): CycleState {
  let next = state;
  const pinned = timing.pinnedIndex === null ? null : clampIndex(timing.pinnedIndex, timing.count);
  if (next.interruption !== null) {
    if (now < next.interruption.until) return next;
    const [key, ...rest] = next.queue;
    if (key !== undefined) return { ...next, interruption: { key, until: now + timing.holdMs }, queue: rest };
    next = { ...next, interruption: null, since: now };
  }
  if (pinned !== null) {
    return next.index === pinned ? next : { ...next, index: pinned, since: now, spent: 0 };
  }
  const index = clampIndex(next.index, timing.count);
  if (index !== next.index) next = { ...next, index, since: now, spent: 0 };
  if (timing.count < 2) return next;
  const due = next.since + timing.cycleMs - next.spent;
  if (now < due) return next;
  return { ...next, index: (next.index + 1) % timing.count, since: now - due < timing.cycleMs ? due : now, spent: 0 };
}

/**
 * New alerts at `now` (call after advanceCycle): each one not already on or waiting joins the
 * queue (at most MAX_QUEUED_ALERTS wait; later ones are dropped), and the first takes the wall at
 * once unless an alert already holds it. The interrupted item keeps the time it had left.
 */
export function interruptCycle(state: CycleState, keys: readonly string[], holdMs: number, now: number): CycleState {
  let interruption = state.interruption;
  let spent = state.spent;
  const queue = [...state.queue];
  for (const key of keys) {
    if (key === interruption?.key || queue.includes(key)) continue;
    if (interruption === null) {
      interruption = { key, until: now + holdMs };
      spent += Math.max(0, now - state.since);
    } else if (queue.length < MAX_QUEUED_ALERTS) queue.push(key);
  }
  if (interruption === state.interruption && queue.length === state.queue.length) return state;
  return { ...state, spent, interruption, queue };
}

/** Pins the cycle to item `index` from `now` (a fresh full time), or releases it (null): the pinned item then gets a full time. */
export function pinCycle(state: CycleState, index: number | null, now: number): CycleState {
  return { ...state, index: index ?? state.index, since: now, spent: 0 };
}

/** When advanceCycle next changes what is shown: Infinity when nothing is due (pinned, or fewer than two items). */
export function cycleDeadline(state: CycleState, timing: CycleTiming): number {
  if (state.interruption !== null) return state.interruption.until;
  if (timing.pinnedIndex !== null || timing.count < 2) return Number.POSITIVE_INFINITY;
  return state.since + timing.cycleMs - state.spent;
}

/** What the wall shows in `state`. */
export function cycleShown(state: CycleState, timing: Pick<CycleTiming, 'count'>): CycleShown {
  if (state.interruption !== null) return { kind: 'alert', key: state.interruption.key };
  if (timing.count === 0) return { kind: 'none' };
  return { kind: 'item', index: clampIndex(state.index, timing.count) };
}
