/** A feed's run of failed attempts: how many in a row, and when the latest one failed. */
export interface FailureStreak {
  count: number;
  at: number;
}

/**
 * The failure streaks after the import controller's latest-failure map changed: a key whose
 * failure time moved failed once more; a key that left the map succeeded (its streak ends); an
 * unchanged entry keeps its count. Call it on every change of the map.
 */
export function nextFailureStreaks(
  previous: ReadonlyMap<string, FailureStreak>,
  failures: ReadonlyMap<string, { at: number }>,
): Map<string, FailureStreak> {
  const next = new Map<string, FailureStreak>();
  for (const [key, failure] of failures) {
    const before = previous.get(key);
    if (before === undefined) next.set(key, { count: 1, at: failure.at });
    else if (before.at === failure.at) next.set(key, before);
    else next.set(key, { count: before.count + 1, at: failure.at });
  }
  return next;
}
