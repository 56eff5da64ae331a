/**
 * Tells which imports are still being run by some live tab or worker, so that cleanupLeftovers()
 * in one tab does not delete the staged chunks of an import another tab is running right now.
 */
export interface ImportLiveness {
  /** Marks `importId` live until the returned release function is called. */
  hold(importId: string): Promise<() => void>;
  /** Ids of imports currently held live anywhere this mechanism can see. */
  liveImports(): Promise<Set<string>>;
}

/** Prefix of the Web Lock names that mark an import live: the prefix, then the import id. */
export const LIVE_IMPORT_LOCK_PREFIX = 'tidegate-import:';

/** Liveness that sees nothing: every running import found at cleanup counts as abandoned. */
export const NO_LIVENESS: ImportLiveness = {
  async hold() {
    return () => {};
  },
  async liveImports() {
    return new Set();
  },
};

/**
 * Liveness through the Web Locks API, which the browser shares between all tabs and workers of
 * an origin and releases when they die. Falls back to NO_LIVENESS where the API is missing (Node).
 */
export function defaultImportLiveness(): ImportLiveness {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return NO_LIVENESS;
  return {
    hold(importId) {
      return new Promise((resolveHold) => {
        void locks.request(LIVE_IMPORT_LOCK_PREFIX + importId, { mode: 'exclusive' }, () => {
          return new Promise<void>((release) => resolveHold(() => release()));
        });
      });
    },
    async liveImports() {
      const snapshot = await locks.query();
      const ids = new Set<string>();
      for (const lock of [...(snapshot.held ?? []), ...(snapshot.pending ?? [])]) {
        if (lock.name?.startsWith(LIVE_IMPORT_LOCK_PREFIX)) ids.add(lock.name.slice(LIVE_IMPORT_LOCK_PREFIX.length));
      }
      return ids;
    },
  };
}
