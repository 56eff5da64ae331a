import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tripwire } from './Tripwire.ts';

/** A promise settled from outside. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise run its reactions. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Tripwire', () => {
  it('passes a call’s value and error through, and holds nothing of it afterwards', async () => {
    const wire = new Tripwire();
    const ok = deferred<number>();
    const bad = deferred<number>();
    const guardedOk = wire.guard(ok.promise);
    const guardedBad = wire.guard(bad.promise);
    expect(wire.pending).toBe(2);
    ok.resolve(7);
    bad.reject(new Error('refused'));
    await expect(guardedOk).resolves.toBe(7);
    await expect(guardedBad).rejects.toThrow('refused');
    expect(wire.pending).toBe(0);
    expect(wire.tripped).toBe(false);
  });

  it('rejects pending calls when it trips, and later calls at once; a late answer changes nothing', async () => {
    const wire = new Tripwire();
    const slow = deferred<string>();
    const guarded = wire.guard(slow.promise);
    wire.trip(new Error('worker died'));
    await expect(guarded).rejects.toThrow('worker died');
    expect(wire.pending).toBe(0);
    await expect(wire.guard(Promise.resolve('late'))).rejects.toThrow('worker died');
    // A second trip does not replace the first reason.
    wire.trip(new Error('again'));
    await expect(wire.guard(new Promise<string>(() => undefined))).rejects.toThrow('worker died');
    slow.resolve('too late');
    await flush();
    expect(wire.pending).toBe(0);
  });

  it('matches a plain race for any order of answers, failures and a trip, and never keeps a settled call', async () => {
    // Each step: a call answered, a call failed, or the wire tripped; calls are started in order.
    const step = fc.oneof(fc.record({ kind: fc.constant('answer' as const), call: fc.nat(9) }), fc.record({ kind: fc.constant('fail' as const), call: fc.nat(9) }), fc.record({ kind: fc.constant('trip' as const) }));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 }), fc.array(step, { maxLength: 30 }), async (calls, steps) => {
        const wire = new Tripwire();
        const sources = Array.from({ length: calls }, () => deferred<number>());
        const outcomes: string[] = Array.from({ length: calls }, () => 'pending');
        // The reference: what a race against a rejected-on-trip promise would give.
        const expected: string[] = Array.from({ length: calls }, () => 'pending');
        let tripped = false;
        sources.forEach((source, index) => {
          wire.guard(source.promise).then(
            (value) => (outcomes[index] = `value ${value}`),
            (error: Error) => (outcomes[index] = `error ${error.message}`),
          );
        });
        for (const entry of steps) {
          if (entry.kind === 'trip') {
            wire.trip(new Error('tripped'));
            if (!tripped) expected.forEach((outcome, index) => outcome === 'pending' && (expected[index] = 'error tripped'));
            tripped = true;
          } else if (entry.call < calls) {
            const index = entry.call;
            if (entry.kind === 'answer') sources[index].resolve(index);
            else sources[index].reject(new Error(`failed ${index}`));
            if (expected[index] === 'pending') expected[index] = entry.kind === 'answer' ? `value ${index}` : `error failed ${index}`;
          }
          await flush();
        }
        expect(outcomes).toEqual(expected);
        expect(wire.pending).toBe(expected.filter((outcome) => outcome === 'pending').length);
      }),
      { numRuns: 150 },
    );
  });
});
