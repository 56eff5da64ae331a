import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { DexieEventStore } from './DexieEventStore.ts';
import { ImportConflictError } from './ImportConflictError.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import { importRecords } from './importRecords.ts';
import { recordKey } from './recordKey.ts';
import { StorageFullError } from './StorageFullError.ts';
import { batchOf, csvMeta, dumpDatabase, freshIndexedDb, liveRows, makeRecord, observableState, reportOf } from './storeTestSupport.ts';

const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('DexieEventStore atomicity', () => {
  const opened: DexieEventStore[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const store of opened.splice(0)) store.close();
  });

  async function open(location = freshIndexedDb(), faults = {}): Promise<DexieEventStore> {
    const store = await DexieEventStore.open({ ...location, liveness: NO_LIVENESS, faults });
    opened.push(store);
    return store;
  }

  async function seed(store: DexieEventStore): Promise<void> {
    await importRecords(store, csvMeta('seed.csv'), [batchOf(['A', 'B', 'C', 'D', 'E'].map((id) => makeRecord({ id, updated: 100 })))], {
      chunkRows: 2,
    });
  }

  const updateBatch = batchOf([
    makeRecord({ id: 'A', updated: 200 }),
    makeRecord({ id: 'C', updated: 200 }),
    makeRecord({ id: 'F', updated: 200 }),
    makeRecord({ id: 'G', updated: 200 }),
  ]);

  it('rolls a publish that fails inside its transaction back completely', async () => {
    let failPublish = true;
    const store = await open(freshIndexedDb(), {
      publish: () => {
        if (failPublish) throw new Error('injected publish failure');
      },
    });
    failPublish = false;
    await seed(store);
    failPublish = true;
    const dumpBefore = await dumpDatabase(store.db);
    await expect(importRecords(store, csvMeta('update.csv'), [updateBatch], { chunkRows: 2 })).rejects.toThrow('injected publish failure');
    const dumpAfter = await dumpDatabase(store.db);
    const failed = dumpAfter.imports.filter((entry) => (entry as { status: string }).status === 'failed');
    expect(failed).toHaveLength(1);
    expect({ ...dumpAfter, imports: dumpAfter.imports.filter((entry) => !failed.includes(entry)) }).toEqual(dumpBefore);
    // The in-memory key index must not have learnt the failed import's keys either.
    failPublish = false;
    const retry = await importRecords(store, csvMeta('update.csv'), [updateBatch], { chunkRows: 2 });
    expect(retry.counts).toMatchObject({ accepted: 2, updated: 2 });
  });

  it('deletes staged chunks when a stage fails and shows nothing of the import', async () => {
    let failOn: string | null = null;
    const store = await open(freshIndexedDb(), {
      stage: (chunkId: string) => {
        if (failOn && chunkId.endsWith(failOn)) throw new Error('disk on fire');
      },
    });
    await seed(store);
    const before = await observableState(store);
    failOn = '/000001';
    await expect(importRecords(store, csvMeta(), [updateBatch], { chunkRows: 2 })).rejects.toThrow('disk on fire');
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('turns a quota error while staging into StorageFullError and keeps earlier data', async () => {
    let full = false;
    const store = await open(freshIndexedDb(), {
      stage: () => {
        if (full) throw quotaError();
      },
    });
    await seed(store);
    const before = await observableState(store);
    full = true;
    const failure = importRecords(store, csvMeta('big.csv'), [updateBatch], { chunkRows: 2 });
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toThrow(/Storage is full: the import of "big.csv" was cancelled/);
    expect(await observableState(store)).toEqual(before);
    expect(await store.db.chunks.count()).toBe(3);
    const entry = (await store.listImports()).find((candidate) => candidate.feedName === 'big.csv');
    expect(entry).toMatchObject({ status: 'failed' });
  });

  it('recognises a quota failure of the IndexedDB write itself, as Dexie wraps it', async () => {
    const store = await open();
    await seed(store);
    const before = await observableState(store);
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'masks') throw quotaError();
      return realPut.apply(this, args);
    });
    const failure = importRecords(store, csvMeta('big.csv'), [updateBatch], { chunkRows: 2 });
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('cleans up after an import that never finished when the database is next opened', async () => {
    const location = freshIndexedDb();
    const crashed = await open(location);
    await seed(crashed);
    const before = await observableState(crashed);
    const session = await crashed.beginImport(csvMeta('crash.csv'), { chunkRows: 2 });
    const records = [makeRecord({ id: 'X' }), makeRecord({ id: 'Y' })];
    session.classify(records);
    const builder = new EventChunkBuilder(2);
    for (const record of records) builder.append(record);
    await session.stage(builder.build());
    // The tab dies here: no publish, no abort.
    crashed.db.close();
    await crashed.db.open();
    expect((await crashed.storageSummary()).stagedChunks).toBe(1);
    crashed.db.close();

    const reopened = await open(location);
    expect((await reopened.storageSummary()).stagedChunks).toBe(0);
    const entry = await reopened.getImport(session.importId);
    expect(entry).toMatchObject({ status: 'abandoned', report: null });
    expect(await observableState(reopened)).toEqual(before);
  });

  it('spares the staged chunks of an import another tab is still running', async () => {
    const location = freshIndexedDb();
    const running = new Set<string>();
    const liveness = {
      hold: async (importId: string) => {
        running.add(importId);
        return () => running.delete(importId);
      },
      liveImports: async () => new Set(running),
    };
    const tabA = await DexieEventStore.open({ ...location, liveness });
    opened.push(tabA);
    const session = await tabA.beginImport(csvMeta(), { chunkRows: 1 });
    session.classify([makeRecord({ id: 'X' })]);
    const builder = new EventChunkBuilder(1);
    builder.append(makeRecord({ id: 'X' }));
    await session.stage(builder.build());
    const tabB = await DexieEventStore.open({ ...location, liveness });
    opened.push(tabB);
    expect(await tabB.getImport(session.importId)).toMatchObject({ status: 'running' });
    await session.publish({
      importId: session.importId,
      feedName: 'feed.csv',
      source: null,
      format: 'csv',
      startedAt: 0,
      finishedAt: 0,
      counts: { rowsIn: 1, accepted: 1, updated: 0, unchanged: 0, stale: 0, rejected: 0, warnings: 0 },
      rejections: [],
      warnings: [],
    });
    expect(liveRows(await tabB.loadPublishedChunks()).has(recordKey('GACC-GD', 'X'))).toBe(true);
  });

  it('notices another tab committed and neither double-counts nor writes stale masks', async () => {
    const location = freshIndexedDb();
    const tabA = await open(location);
    const tabB = await open(location);
    await seed(tabA);
    const fromB = await importRecords(tabB, csvMeta(), [batchOf([makeRecord({ id: 'A', updated: 300 })])]);
    expect(fromB.counts.updated).toBe(1);
    // Tab A's key index predates B's commit; it must rebuild rather than classify against it.
    const fromA = await importRecords(tabA, csvMeta(), [batchOf([makeRecord({ id: 'A', updated: 200 })])]);
    expect(fromA.counts.stale).toBe(1);

    const session = await tabA.beginImport(csvMeta(), { chunkRows: 5 });
    session.classify([makeRecord({ id: 'B', updated: 400 })]);
    const builder = new EventChunkBuilder(5);
    builder.append(makeRecord({ id: 'B', updated: 400 }));
    await session.stage(builder.build());
    await importRecords(tabB, csvMeta(), [batchOf([makeRecord({ id: 'B', updated: 500 })])]);
    expect(session.counts).toMatchObject({ accepted: 0, updated: 1 });
    await expect(session.publish(reportOf(session, 1))).rejects.toBeInstanceOf(ImportConflictError);
    const live = liveRows(await tabA.loadPublishedChunks());
    expect(live.get(recordKey('GACC-GD', 'B'))?.updated).toBe(500);
    expect((await tabA.storageSummary()).stagedChunks).toBe(0);
  });

  it('loads published chunks with their masks and never staged ones', async () => {
    const store = await open();
    await seed(store);
    const session = await store.beginImport(csvMeta(), { chunkRows: 2 });
    session.classify([makeRecord({ id: 'A', updated: 900 })]);
    const builder = new EventChunkBuilder(2);
    builder.append(makeRecord({ id: 'A', updated: 900 }));
    await session.stage(builder.build());
    const chunks = await store.loadPublishedChunks();
    expect(chunks).toHaveLength(3);
    expect(chunks.every((chunk) => chunk.maskedRows === 0)).toBe(true);
    expect(liveRows(chunks).get(recordKey('GACC-GD', 'A'))?.updated).toBe(100);
    await session.abort();
    expect(await store.getImport(session.importId)).toBeUndefined();
  });
});
