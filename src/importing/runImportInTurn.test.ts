import { describe, expect, it } from 'vitest';
import { ImportConflictError } from '../store/ImportConflictError.ts';
import { type ImportLock, localImportLock } from '../store/ImportLock.ts';
import { type ImportAttempt, MAX_IMPORT_ATTEMPTS, runImportInTurn } from './runImportInTurn.ts';

/** A lock that records whether it is held, around a local one. */
function watchedLock(): { lock: ImportLock; held: () => number; acquisitions: () => number } {
  const inner = localImportLock();
  let held = 0;
  let acquisitions = 0;
  return {
    lock: {
      async acquire(request) {
        const release = await inner.acquire(request);
        held++;
        acquisitions++;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          held--;
          release();
        };
      },
    },
    held: () => held,
    acquisitions: () => acquisitions,
  };
}

describe('runImportInTurn', () => {
  it('runs the import holding the turn and gives it back afterwards', async () => {
    const watched = watchedLock();
    const turns: ImportAttempt[] = [];
    const result = await runImportInTurn(watched.lock, {}, async (turn) => {
      turns.push(turn);
      expect(watched.held()).toBe(1);
      return 'done';
    });
    expect(result).toBe('done');
    expect(turns).toEqual([{ number: 1, waited: false }]);
    expect(watched.held()).toBe(0);
  });

  it('retries a conflicting import from the start, in a new turn each time, until it lands', async () => {
    const watched = watchedLock();
    let calls = 0;
    const result = await runImportInTurn(watched.lock, {}, async ({ number }) => {
      calls++;
      if (number < 3) throw new ImportConflictError(`The store changed during import ${number}; nothing was written`);
      return number;
    });
    expect(result).toBe(3);
    expect(calls).toBe(3);
    expect(watched.acquisitions()).toBe(3);
    expect(watched.held()).toBe(0);
  });

  it('gives up after maxAttempts conflicts, naming the last reason and keeping it as the cause', async () => {
    const watched = watchedLock();
    let calls = 0;
    const failure = runImportInTurn(watched.lock, {}, async ({ number }) => {
      calls++;
      throw new ImportConflictError(`conflict ${number}`);
    });
    await expect(failure).rejects.toBeInstanceOf(ImportConflictError);
    await expect(failure).rejects.toThrow(new RegExp(`during ${MAX_IMPORT_ATTEMPTS} attempts \\(last: conflict ${MAX_IMPORT_ATTEMPTS}\\).*Nothing was written`));
    expect(((await failure.catch((error: Error) => error)) as Error).cause).toBeInstanceOf(ImportConflictError);
    expect(calls).toBe(MAX_IMPORT_ATTEMPTS);
    expect(watched.held()).toBe(0);
    await expect(runImportInTurn(watched.lock, { maxAttempts: 0 }, async () => 1)).rejects.toBeInstanceOf(RangeError);
  });

  it('never retries any other failure, nor a cancelled import', async () => {
    const watched = watchedLock();
    let calls = 0;
    await expect(
      runImportInTurn(watched.lock, {}, async () => {
        calls++;
        throw new Error('not UTF-8');
      }),
    ).rejects.toThrow('not UTF-8');
    expect(calls).toBe(1);

    const controller = new AbortController();
    calls = 0;
    await expect(
      runImportInTurn(watched.lock, { signal: controller.signal }, async () => {
        calls++;
        controller.abort(new Error('cancelled'));
        throw new ImportConflictError('conflict while being cancelled');
      }),
    ).rejects.toThrow('conflict while being cancelled');
    expect(calls).toBe(1);
    expect(watched.held()).toBe(0);
  });

  it('tells when it waits for another import, and a cancel while waiting gives up the place without running', async () => {
    const watched = watchedLock();
    const holder = await watched.lock.acquire();
    let waits = 0;
    let ran = false;
    const controller = new AbortController();
    const waiting = runImportInTurn(watched.lock, { signal: controller.signal, onWait: () => waits++ }, async () => {
      ran = true;
    });
    await Promise.resolve();
    expect(waits).toBe(1);
    const reason = new DOMException('The import was cancelled', 'AbortError');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(ran).toBe(false);
    holder();
    expect(watched.held()).toBe(0);
    // The cancelled import left no place behind: the next one runs at once.
    const next = await runImportInTurn(watched.lock, { onWait: () => waits++ }, async (turn) => turn);
    expect(next).toEqual({ number: 1, waited: false });
    expect(waits).toBe(1);
  });

  it('reports that an import waited, so it can clean up after a holder that died', async () => {
    const watched = watchedLock();
    const holder = await watched.lock.acquire();
    const waiting = runImportInTurn(watched.lock, {}, async (turn) => turn);
    await Promise.resolve();
    holder();
    expect(await waiting).toEqual({ number: 1, waited: true });
  });
});
