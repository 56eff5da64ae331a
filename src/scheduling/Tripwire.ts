/**
 * Fails the calls it guards when something they wait on goes away (a worker declared dead, a
 * connection closed), and holds nothing of a guarded call once that call has settled.
 *
 * `Promise.race([call, died])` against one long-lived `died` promise does the first half but not
 * the second: every race leaves a reaction on `died`, and that reaction keeps the race's promise —
 * and so the call's whole answer — alive for as long as `died` is pending. A wall that asks its
 * worker for days kept every answer it ever got. Here each guarded call registers one callback,
 * removed as soon as the call settles.
 */
export class Tripwire {
  private readonly waiting = new Set<(reason: Error) => void>();
  private reason: Error | null = null;

  /** Whether trip() was called. */
  get tripped(): boolean {
    return this.reason !== null;
  }

  /** Guarded calls not settled yet (each holds one callback here). */
  get pending(): number {
    return this.waiting.size;
  }

  /**
   * Settles as `call` does, or rejects with the trip's reason when the wire trips first (at once
   * when it has tripped already). `call` itself is left running: the caller decides what to do
   * with a call that outlives its wire.
   */
  guard<T>(call: Promise<T>): Promise<T> {
    const tripped = this.reason;
    if (tripped !== null) {
      // The guarded call's own failure, if it comes, has nobody left to see it.
      call.catch(() => undefined);
      return Promise.reject(tripped);
    }
    return new Promise<T>((resolve, reject) => {
      const onTrip = (reason: Error) => reject(reason);
      this.waiting.add(onTrip);
      call.then(
        (value) => {
          this.waiting.delete(onTrip);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(onTrip);
          reject(error);
        },
      );
    });
  }

  /** Rejects every pending guarded call, and every later one, with `reason`. Only the first trip counts. */
  trip(reason: Error): void {
    if (this.reason !== null) return;
    this.reason = reason;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const onTrip of waiting) onTrip(reason);
  }
}
