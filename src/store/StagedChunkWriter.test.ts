import { afterEach, describe, expect, it } from 'vitest';
import { DexieEventStore } from './DexieEventStore.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import { importRecords } from './importRecords.ts';
import { persistedChunk, persistedChunkTransferables, type PersistedChunk } from './PersistedChunk.ts';
import type { StagedChunkWriter } from './StagedChunkWriter.ts';
import { StorageFullError } from './StorageFullError.ts';
import { batchOf, csvMeta, freshIndexedDb, makeRecord, observableState } from './storeTestSupport.ts';
import { TidegateDatabase } from './TidegateDatabase.ts';
import { writeStagedChunk } from './writeStagedChunk.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => makeRecord({ id: `R${i}`, description: i % 2 ? '關閘 cash' : 'plain', links: i % 3 ? [] : ['HKCED:1'] }));

/**
 * A writer over a second connection to the same database, as the chunk worker has: each record
 * crosses by structured clone with its buffers transferred, exactly as postMessage would move it.
 */
function otherConnectionWriter(where: ReturnType<typeof freshIndexedDb>): StagedChunkWriter & { writes: number; db: TidegateDatabase } {
  const db = new TidegateDatabase(where);
  const writer = {
    available: true,
    writes: 0,
    db,
    async write(record: PersistedChunk) {
      writer.writes++;
      const moved = structuredClone(record, { transfer: persistedChunkTransferables(record) });
      await writeStagedChunk(db, moved);
    },
  };
  return writer;
}

describe('staged chunks written through another connection', () => {
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });

  async function open(where: ReturnType<typeof freshIndexedDb>, stagedWriter?: StagedChunkWriter): Promise<DexieEventStore> {
    const store = await DexieEventStore.open({ ...where, liveness: NO_LIVENESS, stagedWriter });
    closers.push(() => store.close());
    return store;
  }

  /** Store `a` writes staged chunks on its own connection, `b` through `writer`, another one. */
  async function storesBothWays() {
    const viaWorker = freshIndexedDb();
    const writer = otherConnectionWriter(viaWorker);
    closers.push(() => writer.db.close());
    return { a: await open(freshIndexedDb()), b: await open(viaWorker, writer), writer };
  }

  it('stores and publishes exactly what the import’s own connection stores', async () => {
    const { a, b, writer } = await storesBothWays();
    const data = [batchOf(records(7))];
    await importRecords(a, csvMeta(), data, { chunkRows: 3 });
    await importRecords(b, csvMeta(), data, { chunkRows: 3 });
    expect(writer.writes).toBe(3);
    const strip = async (store: DexieEventStore) => (await store.loadPublishedChunks()).map(({ chunk, hashes, mask }) => ({ chunk, hashes, mask }));
    expect(await strip(b)).toEqual(await strip(a));
  });

  it('stores repeated descriptions as a dictionary, through either connection', async () => {
    const { a, b, writer } = await storesBothWays();
    for (const store of [a, b]) await importRecords(store, csvMeta(), [batchOf(records(10))], { chunkRows: 5 });
    for (const db of [a.db, writer.db]) {
      const stored = await db.chunks.toArray();
      expect(stored.map((record) => (record.chunk as unknown as PersistedChunk['chunk']).strings.descriptions.encoding)).toEqual(['dictionary', 'dictionary']);
    }
    expect((await b.loadPublishedChunks()).flatMap(({ chunk }) => chunk.strings.descriptions)).toEqual(records(10).map((r) => r.description));
  });

  it('writes in its own connection while the other side is unavailable', async () => {
    const where = freshIndexedDb();
    const writer = { available: false, write: async () => Promise.reject(new Error('must not be called')) };
    const store = await open(where, writer);
    const report = await importRecords(store, csvMeta(), [batchOf(records(4))], { chunkRows: 3 });
    expect(report.counts.accepted).toBe(4);
    expect((await store.storageSummary()).rows).toBe(4);
  });

  it('reports a quota failure on the other side as StorageFullError and keeps earlier data', async () => {
    const where = freshIndexedDb();
    let full = false;
    const writer = otherConnectionWriter(where);
    closers.push(() => writer.db.close());
    const failing: StagedChunkWriter = {
      available: true,
      async write(record) {
        if (!full) return writer.write(record);
        // What reaches the import thread of a quota failure after a thread hop: a plain Error.
        const portable = new Error('The quota has been exceeded.');
        portable.name = 'QuotaExceededError';
        throw portable;
      },
    };
    const store = await open(where, failing);
    await importRecords(store, csvMeta(), [batchOf(records(4))], { chunkRows: 3 });
    const before = await observableState(store);
    full = true;
    const failure = importRecords(store, csvMeta('big.csv'), [batchOf(records(9).map((r) => ({ ...r, id: `N${r.id}` })))], { chunkRows: 3 });
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('writeStagedChunk turns a wrapped quota failure into a plain, portable QuotaExceededError', async () => {
    const builder = new EventChunkBuilder(1);
    builder.append(makeRecord());
    const record = persistedChunk({ id: 'x/000000', importId: 'x', seq: 0, status: 'staged', chunk: builder.build(), hashes: new Float64Array(1) });
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    const db = { chunks: {}, transaction: async () => Promise.reject(wrapped) } as unknown as TidegateDatabase;
    const thrown = await writeStagedChunk(db, record).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('QuotaExceededError');
    // Comlink passes a thrown Error on as its message, name and stack.
    const { message, name } = thrown as Error;
    expect(Object.assign(new Error(message), { name })).toMatchObject({ name: 'QuotaExceededError' });
    const other = new Error('disk on fire');
    const failing = { chunks: {}, transaction: async () => Promise.reject(other) } as unknown as TidegateDatabase;
    await expect(writeStagedChunk(failing, record)).rejects.toBe(other);
  });

  it('lists every buffer of a persisted record once, so all of it can be transferred', () => {
    const builder = new EventChunkBuilder(3);
    for (const record of records(3)) builder.append(record);
    const hashes = new Float64Array(3);
    const record = persistedChunk({ id: 'x/000000', importId: 'x', seq: 0, status: 'staged', chunk: builder.build(), hashes });
    const buffers = persistedChunkTransferables(record);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(hashes.buffer);
    const moved = structuredClone(record, { transfer: buffers });
    expect(record.hashes.length).toBe(0);
    expect(record.chunk.columns.lon.length).toBe(0);
    expect(record.chunk.strings.ids.encoding === 'utf8' && record.chunk.strings.ids.text.utf8.length).toBe(0);
    expect(moved.chunk.meta.count).toBe(3);
  });
});
