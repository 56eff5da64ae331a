import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIVE_IMPORT_LOCK_PREFIX } from './ImportLiveness.ts';
import { IMPORT_LOCK_NAME, type ImportLock, type ImportLockManager, localImportLock, webImportLock } from './ImportLock.ts';

/**
 * A plain in-memory stand-in for the browser's LockManager (exclusive locks only): grants in
 * request order, answers `ifAvailable` with null when taken, drops an aborted request from the
 * queue and rejects it with an AbortError, as the Web Locks spec says.
 */
class FakeLockManager implements ImportLockManager {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<void> | void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      const queue = this.queueOf(name);
      const run = () => {
        this.held.add(name);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock))
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            queue.shift()?.();
          });
      };
      if (!this.held.has(name) && queue.length === 0) {
        run();
        return;
      }
      if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
        return;
      }
      queue.push(run);
      options.signal?.addEventListener('abort', () => {
        const place = queue.indexOf(run);
        if (place < 0) return;
        queue.splice(place, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }

  pending(name: string): number {
    return this.queueOf(name).length;
  }

  private queueOf(name: string): (() => void)[] {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = []));
    return queue;
  }
}

/** Lets every pending promise callback run (the fake manager chains a few). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const kinds: { name: string; create(): { lock: ImportLock; pending(): number } }[] = [
  {
    name: 'localImportLock',
    create: () => {
      const lock = localImportLock();
      return { lock, pending: () => Number.NaN };
    },
  },
  {
    name: 'webImportLock over a LockManager',
    create: () => {
      const locks = new FakeLockManager();
      return { lock: webImportLock(locks), pending: () => locks.pending(IMPORT_LOCK_NAME) };
    },
  },
];

it('names the import turn apart from the locks that mark imports live (cleanup would take it for one)', () => {
  expect(IMPORT_LOCK_NAME.startsWith(LIVE_IMPORT_LOCK_PREFIX)).toBe(false);
});

describe.each(kinds)('$name', ({ create }) => {
  it('grants at once when free, else after the holder releases, telling the waiter once', async () => {
    const { lock } = create();
    const waits: string[] = [];
    const first = await lock.acquire({ onWait: () => waits.push('first') });
    let secondGranted = false;
    const second = lock.acquire({ onWait: () => waits.push('second') }).then((release) => {
      secondGranted = true;
      return release;
    });
    await settle();
    expect(waits).toEqual(['second']);
    expect(secondGranted).toBe(false);
    first();
    first(); // a second call of the same release changes nothing
    const releaseSecond = await second;
    expect(secondGranted).toBe(true);
    releaseSecond();
    const third = await lock.acquire();
    third();
  });

  it('drops a cancelled waiter from the queue with the signal’s reason, and grants the next one', async () => {
    const { lock, pending } = create();
    const holder = await lock.acquire();
    const controller = new AbortController();
    const cancelled = lock.acquire({ signal: controller.signal });
    const next = lock.acquire();
    await settle();
    const reason = new DOMException('The import was cancelled', 'AbortError');
    controller.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    if (!Number.isNaN(pending())) expect(pending()).toBe(1);
    holder();
    (await next)();
    if (!Number.isNaN(pending())) expect(pending()).toBe(0);
  });

  it('refuses an already cancelled request without queueing it', async () => {
    const { lock } = create();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(lock.acquire({ signal: controller.signal })).rejects.toThrow('stop');
    (await lock.acquire())();
  });

  it('holds one caller at a time and grants in request order, whatever is cancelled or released when', async () => {
    // Each step: request the turn, release the oldest holder, or cancel some waiter.
    const step = fc.oneof(fc.constant({ kind: 'request' as const }), fc.constant({ kind: 'release' as const }), fc.nat(20).map((pick) => ({ kind: 'cancel' as const, pick })));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { lock } = create();
        const granted: number[] = [];
        const holders: { id: number; release: () => void }[] = [];
        const waiting: { id: number; controller: AbortController }[] = [];
        const cancelled = new Set<number>();
        let nextId = 0;
        let inside = 0;
        let maxInside = 0;
        const stopWaiting = (id: number) => waiting.splice(waiting.findIndex((entry) => entry.id === id), 1);
        const request = () => {
          const id = nextId++;
          const controller = new AbortController();
          waiting.push({ id, controller });
          lock.acquire({ signal: controller.signal }).then(
            (release) => {
              granted.push(id);
              stopWaiting(id);
              inside++;
              maxInside = Math.max(maxInside, inside);
              holders.push({
                id,
                release: () => {
                  inside--;
                  release();
                },
              });
            },
            () => stopWaiting(id),
          );
        };
        for (const action of steps) {
          if (action.kind === 'request') request();
          else if (action.kind === 'release') holders.shift()?.release();
          else if (waiting.length > 0) {
            const victim = waiting[action.pick % waiting.length];
            if (!granted.includes(victim.id)) {
              cancelled.add(victim.id);
              victim.controller.abort(new Error('cancelled'));
            }
          }
          await settle();
        }
        // Release everything, so every request not cancelled is granted in the end.
        for (let round = 0; round <= nextId && (holders.length > 0 || waiting.length > 0); round++) {
          holders.shift()?.release();
          await settle();
        }
        expect(maxInside).toBeLessThanOrEqual(1);
        const expected = Array.from({ length: nextId }, (_, id) => id).filter((id) => !cancelled.has(id) || granted.includes(id));
        expect(granted).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
