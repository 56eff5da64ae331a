/**
 * Faults the wall recovers from by itself, as its status strip shows them: one entry per kind,
 * so a fault that repeats for days never grows the list.
 * - `graphics`: a lost WebGL context (map or overlay), being restored;
 * - `worker`: the board worker died and is being restarted (the pending query is retried);
 * - `storage`: the browser refused to store something (a playlist, an import);
 * - `quota`: the store is nearly full.
 */
export type WallFaultKind = 'graphics' | 'worker' | 'storage' | 'quota';

/** Where a fault stands: being recovered from, recovered (shown for a while), or needing a person. */
export type WallFaultState = 'recovering' | 'recovered' | 'failed';

/** One fault of the wall. */
export interface WallFault {
  kind: WallFaultKind;
  state: WallFaultState;
  /** When it began (or began again), epoch ms. */
  since: number;
  /** When it was recovered from, epoch ms. */
  recoveredAt: number | null;
  /** How many times it happened since the wall started. */
  count: number;
  /** What the browser said, as text. */
  detail: string | null;
}

/** The faults after `kind` happened at `now` (`failed`: nothing will mend it without a person). */
export function raiseFault(faults: readonly WallFault[], kind: WallFaultKind, now: number, detail: string | null = null, state: 'recovering' | 'failed' = 'recovering'): WallFault[] {
  const before = faults.find((fault) => fault.kind === kind);
  // A fault still open is the same fault: it keeps its start and count.
  if (before !== undefined && before.state === state && before.recoveredAt === null) {
    return before.detail === detail ? [...faults] : faults.map((fault) => (fault === before ? { ...fault, detail } : fault));
  }
  const next: WallFault = { kind, state, since: now, recoveredAt: null, count: (before?.count ?? 0) + 1, detail };
  return [...faults.filter((fault) => fault.kind !== kind), next];
}

/** The faults after `kind` was recovered from at `now` (nothing changes when it was not open). */
export function resolveFault(faults: readonly WallFault[], kind: WallFaultKind, now: number): WallFault[] {
  return faults.map((fault) => (fault.kind === kind && fault.state !== 'recovered' ? { ...fault, state: 'recovered', recoveredAt: now } : fault));
}

/** The faults to show at `now`: open ones, and recovered ones for `keepRecoveredMs` after their recovery; the most serious first. */
export function visibleFaults(faults: readonly WallFault[], now: number, keepRecoveredMs: number): WallFault[] {
  const rank: Record<WallFaultState, number> = { failed: 0, recovering: 1, recovered: 2 };
  return faults
    .filter((fault) => fault.state !== 'recovered' || (fault.recoveredAt !== null && now - fault.recoveredAt <= keepRecoveredMs))
    .sort((a, b) => rank[a.state] - rank[b.state] || b.since - a.since);
}
