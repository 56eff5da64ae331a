import type { Page } from 'playwright-core';
import { LIVE_IMPORT_LOCK_PREFIX } from '../../../src/store/ImportLiveness.ts';
import { IMPORT_LOCK_NAME } from '../../../src/store/ImportLock.ts';
import { TIDEGATE_DATABASE_NAME } from '../../../src/store/TidegateDatabase.ts';

/** Record counts of the board's database, read raw (not through the app). */
export interface StoredRecords {
  /** Chunk records, staged or published. */
  chunks: number;
  /** Mask records: one per published chunk. */
  masks: number;
  /** Import entries by status. */
  imports: Record<string, number>;
}

/** Reads the board's database from `page` (any page of the app's origin). */
export async function storedRecords(page: Page): Promise<StoredRecords> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const read = <T>(table: string, request: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        const pending = request(db.transaction(table).objectStore(table));
        pending.onsuccess = () => resolve(pending.result);
        pending.onerror = () => reject(pending.error);
      });
    const [chunks, masks, entries] = await Promise.all([
      read('chunks', (store) => store.count()),
      read('masks', (store) => store.count()),
      read('imports', (store) => store.getAll() as IDBRequest<{ status: string }[]>),
    ]);
    db.close();
    const imports: Record<string, number> = {};
    for (const entry of entries) imports[entry.status] = (imports[entry.status] ?? 0) + 1;
    return { chunks, masks, imports };
  }, TIDEGATE_DATABASE_NAME);
}

/** Records in one table of the board's database; reads that table only (a held `masks` does not block counting `chunks`). */
export async function countStored(page: Page, table: 'chunks' | 'masks' | 'imports'): Promise<number> {
  return page.evaluate(
    async ({ name, table }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const count = await new Promise<number>((resolve, reject) => {
        const counting = db.transaction(table).objectStore(table).count();
        counting.onsuccess = () => resolve(counting.result);
        counting.onerror = () => reject(counting.error);
      });
      db.close();
      return count;
    },
    { name: TIDEGATE_DATABASE_NAME, table },
  );
}

/** Who holds or waits for the store's import turn, and how many imports are running, across the origin. */
export interface ImportTurns {
  held: number;
  waiting: number;
  /** Imports marked live (ImportLiveness): begun and not yet ended. */
  running: number;
}

/** Reads the origin's Web Locks from `page`. */
export async function importTurns(page: Page): Promise<ImportTurns> {
  return page.evaluate(
    async ({ turnName, livePrefix }) => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return {
        held: held.filter((lock) => lock.name === turnName).length,
        waiting: pending.filter((lock) => lock.name === turnName).length,
        running: held.filter((lock) => lock.name?.startsWith(livePrefix)).length,
      };
    },
    { turnName: IMPORT_LOCK_NAME, livePrefix: LIVE_IMPORT_LOCK_PREFIX },
  );
}
