import { afterEach, describe, expect, it } from 'vitest';
import { demoFeedCsv } from '../demo/demoFeedCsv.ts';
import { generateDemoEvents } from '../demo/generateDemoEvents.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { DexieEventStore } from '../store/DexieEventStore.ts';
import { type ImportLock, localImportLock } from '../store/ImportLock.ts';
import { NO_LIVENESS } from '../store/ImportLiveness.ts';
import { freshIndexedDb, observableState } from '../store/storeTestSupport.ts';
import type { FeedImportPhase, FeedImportProgress } from './FeedImportProgress.ts';
import { ImportService } from './ImportService.ts';

const ROWS = 900;
const demo = generateDemoEvents({ seed: 5, count: ROWS, now: Date.UTC(2026, 2, 1), sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });

/** A demo feed whose ids carry `tag`, so feeds of different tags share no key. */
function feedBytes(tag: string): Uint8Array {
  return new TextEncoder().encode([...demoFeedCsv(demo.map((record) => ({ ...record, id: `${record.id}-${tag}` })))].join(''));
}

/** Opens at once; let() releases whatever waits on it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A file whose first read stops half-way until `held` opens (later reads run through), so a test
 * holds an import mid-way: begun, classified in part, not published. Counts the reads begun.
 */
function heldFile(bytes: Uint8Array, held: Promise<void> | null): { blob: Blob; reads: () => number } {
  let reads = 0;
  const blob = {
    size: bytes.length,
    stream: () => {
      const stopAt = ++reads === 1 && held ? Math.floor(bytes.length / 2) : 0;
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (offset >= bytes.length) {
            controller.close();
            return;
          }
          if (offset > 0 && offset === stopAt) await held;
          const end = stopAt > offset ? stopAt : Math.min(bytes.length, offset + 16_384);
          controller.enqueue(bytes.slice(offset, end));
          offset = end;
        },
      });
    },
  } as unknown as Blob;
  return { blob, reads: () => reads };
}

/**
 * Progress phases as a page sees them. Like a Comlink callback, each report reaches the page in a
 * later task and the call returns a promise that settles once it has.
 */
function progressLog(): { phases: FeedImportPhase[]; listener: (progress: FeedImportProgress) => Promise<void>; reached: (phase: FeedImportPhase) => Promise<void> } {
  const phases: FeedImportPhase[] = [];
  const waiters: { phase: FeedImportPhase; resolve: () => void }[] = [];
  return {
    phases,
    listener: (progress) =>
      new Promise<void>((delivered) =>
        setTimeout(() => {
          phases.push(progress.phase);
          for (const waiter of waiters.filter((entry) => entry.phase === progress.phase)) waiter.resolve();
          delivered();
        }, 1),
      ),
    reached: (phase) => (phases.includes(phase) ? Promise.resolve() : new Promise((resolve) => waiters.push({ phase, resolve }))),
  };
}

describe('ImportService in several tabs', () => {
  const stores: DexieEventStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });

  /** Two tabs on one database; `turns` gives each tab's import turn (shared = Web Locks). */
  async function twoTabs(turns: () => [ImportLock, ImportLock]) {
    const where = freshIndexedDb();
    const [lockA, lockB] = turns();
    const tab = async (lock: ImportLock) => {
      const store = await DexieEventStore.open({ ...where, liveness: NO_LIVENESS });
      stores.push(store);
      return { store, service: new ImportService(store, () => undefined, undefined, null, lock) };
    };
    return { a: await tab(lockA), b: await tab(lockB) };
  }
  const sharedTurn = (): [ImportLock, ImportLock] => {
    const lock = localImportLock();
    return [lock, lock];
  };
  const separateTurns = (): [ImportLock, ImportLock] => [localImportLock(), localImportLock()];
  const liveRows = async (store: DexieEventStore) => (await store.storageSummary()).liveRows;

  it.each([
    { files: 'different files', tagB: 'b', stored: 2 * ROWS, countsB: { accepted: ROWS, unchanged: 0 } },
    { files: 'the same file', tagB: 'a', stored: ROWS, countsB: { accepted: 0, unchanged: ROWS } },
  ])('with a shared turn, a second tab waits (showing it) and classifies against the first: $files', async ({ tagB, stored, countsB }) => {
    const { a, b } = await twoTabs(sharedTurn);
    const hold = gate();
    const logA = progressLog();
    const logB = progressLog();
    const first = a.service.importBlob('a.csv', heldFile(feedBytes('a'), hold.opened).blob, {}, logA.listener);
    await logA.reached('reading');
    const second = b.service.importBlob('b.csv', heldFile(feedBytes(tagB), null).blob, {}, logB.listener);
    await logB.reached('waiting');
    expect(logB.phases).toEqual(['waiting']);
    hold.open();
    const [reportA, reportB] = await Promise.all([first, second]);
    expect(reportA.counts).toMatchObject({ rowsIn: ROWS, accepted: ROWS });
    expect(reportB.counts).toMatchObject({ rowsIn: ROWS, ...countsB });
    expect(logA.phases).not.toContain('waiting');
    expect(logB.phases.slice(1)).not.toContain('waiting');
    expect(await liveRows(a.store)).toBe(stored);
    expect(await liveRows(b.store)).toBe(stored);
  });

  it.each([
    { files: 'different files', tagB: 'b', stored: 2 * ROWS, countsB: { accepted: ROWS, unchanged: 0 } },
    { files: 'the same file', tagB: 'a', stored: ROWS, countsB: { accepted: 0, unchanged: ROWS } },
  ])('without a shared turn (no Web Locks), the import that conflicts runs again and lands: $files', async ({ tagB, stored, countsB }) => {
    const { a, b } = await twoTabs(separateTurns);
    const holdA = gate();
    const holdB = gate();
    const logA = progressLog();
    const logB = progressLog();
    const fileB = heldFile(feedBytes(tagB), holdB.opened);
    const first = a.service.importBlob('a.csv', heldFile(feedBytes('a'), holdA.opened).blob, {}, logA.listener);
    const second = b.service.importBlob('b.csv', fileB.blob, {}, logB.listener);
    // Both have begun against the empty store before either publishes.
    await Promise.all([logA.reached('reading'), logB.reached('reading')]);
    holdA.open();
    const reportA = await first;
    holdB.open();
    const reportB: ImportReport = await second;
    expect(fileB.reads()).toBe(2);
    expect(reportA.counts).toMatchObject({ accepted: ROWS });
    expect(reportB.counts).toMatchObject({ rowsIn: ROWS, ...countsB });
    expect(await liveRows(a.store)).toBe(stored);
    expect(await liveRows(b.store)).toBe(stored);
    // The refused attempt stays in the history as failed, with its reason; nothing of it is stored.
    const entries = await b.store.listImports();
    expect(entries.map((entry) => entry.status).sort()).toEqual(['failed', 'published', 'published']);
    expect(entries.find((entry) => entry.status === 'failed')?.error).toMatch(/store changed/);
    expect((await b.store.storageSummary()).stagedChunks).toBe(0);
  });

  it('cancelling an import that waits for its turn gives up its place and writes nothing', async () => {
    const { a, b } = await twoTabs(sharedTurn);
    const hold = gate();
    const logA = progressLog();
    const logB = progressLog();
    const first = a.service.importBlob('a.csv', heldFile(feedBytes('a'), hold.opened).blob, {}, logA.listener);
    await logA.reached('reading');
    const waiting = b.service.importBlob('b.csv', heldFile(feedBytes('b'), null).blob, {}, logB.listener);
    await logB.reached('waiting');
    b.service.cancel();
    await expect(waiting).rejects.toThrow('The import was cancelled');
    // The page heard `cancelling` before the import settled, and nothing after it.
    expect(logB.phases).toEqual(['waiting', 'cancelling']);
    expect(logA.phases).not.toContain('cancelling');
    hold.open();
    expect((await first).counts.accepted).toBe(ROWS);
    // The next import of that tab does not wait behind a ghost of the cancelled one.
    const logAgain = progressLog();
    const again = await b.service.importBlob('b.csv', heldFile(feedBytes('b'), null).blob, {}, logAgain.listener);
    expect(again.counts.accepted).toBe(ROWS);
    expect(logAgain.phases).not.toContain('waiting');
    expect((await b.store.listImports()).map((entry) => entry.feedName).sort()).toEqual(['a.csv', 'b.csv']);
    expect(await liveRows(b.store)).toBe(2 * ROWS);
  });

  it('cancelling mid-way shows `cancelling` last and leaves the store as before', async () => {
    const { a } = await twoTabs(sharedTurn);
    await a.service.importBlob('base.csv', heldFile(feedBytes('base'), null).blob, {});
    const before = await observableState(a.store);
    const hold = gate();
    const log = progressLog();
    const running = a.service.importBlob('a.csv', heldFile(feedBytes('a'), hold.opened).blob, {}, log.listener);
    await log.reached('reading');
    a.service.cancel();
    hold.open();
    await expect(running).rejects.toThrow('The import was cancelled');
    expect(log.phases.at(-1)).toBe('cancelling');
    expect(log.phases.filter((phase) => phase === 'cancelling')).toHaveLength(1);
    expect(await observableState(a.store)).toEqual(before);
    expect((await a.store.storageSummary()).stagedChunks).toBe(0);
  });

  it('queues a tab’s own imports in order without calling it waiting for another tab, and cancel stops them all', async () => {
    const { a } = await twoTabs(sharedTurn);
    const hold = gate();
    const logFirst = progressLog();
    const logSecond = progressLog();
    const first = a.service.importBlob('a.csv', heldFile(feedBytes('a'), hold.opened).blob, {}, logFirst.listener);
    await logFirst.reached('reading');
    const second = a.service.importBlob('b.csv', heldFile(feedBytes('b'), null).blob, {}, logSecond.listener);
    hold.open();
    const [one, two] = await Promise.all([first, second]);
    expect([one.counts.accepted, two.counts.accepted]).toEqual([ROWS, ROWS]);
    expect(logSecond.phases).not.toContain('waiting');

    const holdAgain = gate();
    const third = a.service.importBlob('c.csv', heldFile(feedBytes('c'), holdAgain.opened).blob, {}, logFirst.listener);
    const fourth = a.service.importBlob('d.csv', heldFile(feedBytes('d'), null).blob, {});
    a.service.cancel();
    holdAgain.open();
    await expect(third).rejects.toThrow('The import was cancelled');
    await expect(fourth).rejects.toThrow('The import was cancelled');
    expect(await liveRows(a.store)).toBe(2 * ROWS);
  });
});
