/**
 * Tells which alerts are new to the wall, so that only those interrupt its cycle.
 *
 * Alerts depend on the view (they are computed under its filters), so each view's first answer is
 * a baseline: what it shows then was there before the wall looked, and interrupts nothing. After
 * that, an alert (by key, e.g. `cell:88411c…`) is new when no answer of any view showed it within
 * the last `forgetMs`; one that went away for longer and came back is new again. Memory is bounded
 * by what was seen within `forgetMs`.
 */
export class AlertWatch {
  /** Alert key → when an answer last showed it. */
  private readonly seen = new Map<string, number>();
  /** View key → when an answer of that view was last observed. */
  private readonly views = new Map<string, number>();

  constructor(private readonly forgetMs: number) {}

  /** Records the alerts an answer of view `viewKey` shows at `now`, and returns the new ones' keys (in the given order). */
  observe(keys: readonly string[], viewKey: string, now: number): string[] {
    this.forget(now);
    const baseline = !this.views.has(viewKey);
    this.views.set(viewKey, now);
    const fresh: string[] = [];
    for (const key of keys) {
      if (!baseline && !this.seen.has(key) && !fresh.includes(key)) fresh.push(key);
      this.seen.set(key, now);
    }
    return fresh;
  }

  /** How many alert keys and views are remembered (for the soak's leak check). */
  get size(): number {
    return this.seen.size + this.views.size;
  }

  private forget(now: number): void {
    for (const [key, at] of this.seen) if (at < now - this.forgetMs) this.seen.delete(key);
    for (const [key, at] of this.views) if (at < now - this.forgetMs) this.views.delete(key);
  }
}

/** The key an alert is known by: its target kind and id. */
export function alertKey(alert: { target: 'cell' | 'site'; id: string }): string {
  return `${alert.target}:${alert.id}`;
}
