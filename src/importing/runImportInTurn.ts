import { ImportConflictError } from '../store/ImportConflictError.ts';
import type { ImportLock } from '../store/ImportLock.ts';

/** Attempts of one import before a conflict is reported (the first try and three retries). */
export const MAX_IMPORT_ATTEMPTS = 4;

/** Options of runImportInTurn(). */
export interface ImportTurnOptions {
  /** Cancels the import, also while it waits for its turn. */
  signal?: AbortSignal;
  /** Called each time the import must wait for another tab's import first. */
  onWait?: () => void;
  /** Attempts before giving up on conflicts (default MAX_IMPORT_ATTEMPTS). */
  maxAttempts?: number;
}

/** What an attempt is told about its turn. */
export interface ImportAttempt {
  /** 1 for the first try. */
  number: number;
  /** Whether it had to wait for someone else's import (which may have died mid-way). */
  waited: boolean;
}

/**
 * Runs one import in the store's import turn: `attempt` is called once the turn is held, so its
 * classification and publish see everything published before it. Should the store still change
 * underneath it (a writer that does not take the turn, or no shared turn at all because the
 * browser lacks Web Locks), the publish fails with ImportConflictError having written nothing, and
 * the import runs again from the start, up to `maxAttempts` times; the last conflict is then
 * reported with its reason. A cancelled import is never retried.
 */
export async function runImportInTurn<T>(
  lock: ImportLock,
  options: ImportTurnOptions,
  attempt: (turn: ImportAttempt) => Promise<T>,
): Promise<T> {
  const { signal, onWait } = options;
  const maxAttempts = options.maxAttempts ?? MAX_IMPORT_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  let lastConflict: ImportConflictError | null = null;
  for (let number = 1; number <= maxAttempts; number++) {
    let waited = false;
    const release = await lock.acquire({
      signal,
      onWait: () => {
        waited = true;
        onWait?.();
      },
    });
    try {
      signal?.throwIfAborted();
      return await attempt({ number, waited });
    } catch (error) {
      if (!(error instanceof ImportConflictError) || signal?.aborted) throw error;
      lastConflict = error;
    } finally {
      release();
    }
  }
  throw new ImportConflictError(
    `Other imports kept changing the store during ${maxAttempts} attempts (last: ${lastConflict?.message}). ` +
      'Nothing was written; import it again once the other tabs have finished importing.',
    { cause: lastConflict },
  );
}
