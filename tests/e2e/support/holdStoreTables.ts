import type { BrowserContext, Page } from 'playwright-core';
import { TIDEGATE_DATABASE_NAME } from '../../../src/store/TidegateDatabase.ts';

/** A read-write transaction kept open on some tables of the board's database. */
export interface StoreHold {
  /** Lets the transaction commit; resolves once it has, so the held writes may run. */
  release(): Promise<void>;
}

/**
 * Opens a page of the app's origin that runs no board (a 404 under the app path), from which a
 * test reaches the board's IndexedDB and Web Locks as any other tab would.
 */
export async function openStorePage(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL('store-probe', appUrl).href);
  return page;
}

/**
 * Holds a read-write transaction over `tables` of the board's database from `page`, the way a
 * slow writer in another tab would: every transaction of the board that touches one of those
 * tables waits until release(). IndexedDB commits a transaction once it has no request pending, so
 * one small read is kept in flight at all times. Resolves once the transaction is running.
 *
 * This holds an import at a known point whatever the speed of the machine: with `chunks` held its
 * staged writes (and a first key-index read) wait; with `masks` held its chunks are staged but its
 * publish waits.
 */
export async function holdStoreTables(page: Page, tables: readonly string[]): Promise<StoreHold> {
  const slot = await page.evaluate(
    async ({ name, tables }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const transaction = db.transaction(tables, 'readwrite');
      const table = transaction.objectStore(tables[0]);
      const hold = {
        released: false,
        ended: new Promise<void>((resolve) => {
          transaction.oncomplete = transaction.onabort = () => {
            db.close();
            resolve();
          };
        }),
      };
      await new Promise<void>((running) => {
        const keepAlive = () => {
          if (hold.released) return;
          table.get('\uffff').onsuccess = () => {
            running();
            keepAlive();
          };
        };
        keepAlive();
      });
      const holds = ((globalThis as { storeHolds?: (typeof hold)[] }).storeHolds ??= []);
      holds.push(hold);
      return holds.length - 1;
    },
    { name: TIDEGATE_DATABASE_NAME, tables: [...tables] },
  );
  return {
    release: () =>
      page.evaluate(async (index) => {
        const hold = (globalThis as unknown as { storeHolds: { released: boolean; ended: Promise<void> }[] }).storeHolds[index];
        hold.released = true;
        await hold.ended;
      }, slot),
  };
}
