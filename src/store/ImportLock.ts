/**
 * Name of the Web Lock held for the whole of one import (classification to publish). It must not
 * start with ImportLiveness's `tidegate-import:` prefix, which names the imports still running.
 */
export const IMPORT_LOCK_NAME = 'tidegate-store-import-turn';

/** How one caller asks for the store's import turn. */
export interface ImportLockRequest {
  /** Gives up the place in the queue: acquire() then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called once, before waiting, when someone else holds the turn. */
  onWait?: () => void;
}

/**
 * The store's import turn: one import at a time classifies against the key index and publishes,
 * so every import is classified against everything published before it and none can conflict.
 */
export interface ImportLock {
  /** Resolves with the function that gives the turn back, once this caller holds it. */
  acquire(request?: ImportLockRequest): Promise<() => void>;
}

/** The part of the Web Locks API's LockManager that ImportLock uses (a fake one in tests). */
export interface ImportLockManager {
  request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<void> | void): Promise<unknown>;
}

/**
 * The import turn shared by every tab and worker of the origin through the Web Locks API. The
 * browser releases a lock when the tab or worker holding it goes away, so a closed tab never
 * blocks the others. A caller first asks only if the lock is free (to know whether it waits);
 * waiters are then served in the order they began to wait.
 */
export function webImportLock(locks: ImportLockManager, name = IMPORT_LOCK_NAME): ImportLock {
  return {
    async acquire({ signal, onWait } = {}) {
      signal?.throwIfAborted();
      const free = await requestLock(locks, name, { ifAvailable: true });
      if (free) return free;
      onWait?.();
      const granted = await requestLock(locks, name, { signal });
      // Without ifAvailable the callback always receives a lock.
      return granted!;
    },
  };
}

/** Asks for the lock; resolves with its release once granted, or null when `ifAvailable` found it taken. */
function requestLock(locks: ImportLockManager, name: string, options: LockOptions): Promise<(() => void) | null> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, { mode: 'exclusive', ...options }, (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        // The lock is held until the promise returned here settles.
        return new Promise<void>((release) => resolve(() => release()));
      })
      .catch((error: unknown) => reject(options.signal?.aborted ? options.signal.reason : error));
  });
}

/**
 * An import turn shared only by the callers of this object, granted in request order: one
 * service's own imports, or the fallback where Web Locks do not exist (Node, the CLI, old or
 * insecure-context browsers). Other tabs are then not serialised; their conflicts are retried.
 */
export function localImportLock(): ImportLock {
  let held = false;
  const waiting: (() => void)[] = [];
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // Handing the turn straight to the next caller keeps it held: nobody can slip in between.
      if (next) next();
      else held = false;
    };
  };
  return {
    async acquire({ signal, onWait } = {}) {
      signal?.throwIfAborted();
      if (!held) {
        held = true;
        return releaser();
      }
      onWait?.();
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', giveUp);
          resolve(releaser());
        };
        const giveUp = () => {
          const place = waiting.indexOf(grant);
          if (place >= 0) waiting.splice(place, 1);
          reject(signal!.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', giveUp, { once: true });
      });
    },
  };
}

/** Web Locks where the API exists (every tab and worker of the origin), else a local turn. */
export function defaultImportLock(): ImportLock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? webImportLock(locks) : localImportLock();
}
