import { afterEach, describe, expect, it } from 'vitest';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { DexieEventStore } from './DexieEventStore.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import { DEFAULT_STAGING_DEPTH } from './ChunkStagingQueue.ts';
import { importRecords } from './importRecords.ts';
import type { PersistedChunk } from './PersistedChunk.ts';
import type { StagedChunkWriter } from './StagedChunkWriter.ts';
import { batchOf, csvMeta, freshIndexedDb, makeRecord, observableState, reportOf } from './storeTestSupport.ts';
import { TidegateDatabase } from './TidegateDatabase.ts';
import { writeStagedChunk } from './writeStagedChunk.ts';

const records = (count: number, prefix = 'R') => Array.from({ length: count }, (_, i) => makeRecord({ id: `${prefix}${i}`, updated: 1000 + i }));

/**
 * A staged-chunk writer on a second connection whose writes finish only when the test lets them,
 * so a test sees how many are in flight at once and can finish or fail them in any order.
 */
function heldWriter(where: ReturnType<typeof freshIndexedDb>) {
  const db = new TidegateDatabase(where);
  const held: { id: string; finish: () => Promise<void>; fail: (error: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let arrived: () => void = () => undefined;
  const writer: StagedChunkWriter = {
    available: true,
    write(record: PersistedChunk) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<void>((resolve, reject) => {
        held.push({
          id: record.id,
          finish: async () => {
            await writeStagedChunk(db, record);
            inFlight--;
            resolve();
          },
          fail: (error) => {
            inFlight--;
            reject(error);
          },
        });
        arrived();
      });
    },
  };
  /** Resolves once `count` writes are held. */
  const heldCount = async (count: number) => {
    while (held.length < count) await new Promise<void>((resolve) => (arrived = resolve));
  };
  return { db, writer, held, heldCount, maxInFlight: () => maxInFlight };
}

describe('ImportSession stages whose writes overlap', () => {
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });

  async function setUp() {
    const where = freshIndexedDb();
    const writing = heldWriter(where);
    const store = await DexieEventStore.open({ ...where, liveness: NO_LIVENESS, stagedWriter: writing.writer });
    closers.push(() => store.close(), () => writing.db.close());
    return { store, ...writing };
  }

  it('lets a second chunk be staged while the first is written, in any finishing order, and publishes both', async () => {
    const { store, held, heldCount } = await setUp();
    const session = await store.beginImport(csvMeta(), { chunkRows: 3 });
    const data = records(5);
    session.classify(data);
    const first = new EventChunkBuilder(3);
    const second = new EventChunkBuilder(3);
    for (const record of data.slice(0, 3)) first.append(record);
    for (const record of data.slice(3)) second.append(record);
    const a = session.stage(first.build());
    const b = session.stage(second.build());
    await heldCount(2);
    expect(held.map((write) => write.id.split('/')[1])).toEqual(['000000', '000001']);
    await expect(session.publish({} as never)).rejects.toThrow(/while a stage\(\) is running/);
    await held[1].finish();
    await held[0].finish();
    await Promise.all([a, b]);
    await session.publish(reportOf(session, 5));
    const live = (await store.loadPublishedChunks()).reduce((sum, { chunk }) => sum + chunk.meta.count, 0);
    expect(live).toBe(5);
  });

  it('keeps two writes in flight through importRecords and stores what one-at-a-time staging stores', async () => {
    const { store, held, maxInFlight } = await setUp();
    const plain = await DexieEventStore.open({ ...freshIndexedDb(), liveness: NO_LIVENESS });
    closers.push(() => plain.close());
    const data = [batchOf(records(3 * DEFAULT_STAGING_DEPTH + 2))];
    const finishing = (async () => {
      let finished = 0;
      while (finished < DEFAULT_STAGING_DEPTH + 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (held.length > finished) await held[finished++].finish();
      }
    })();
    await importRecords(store, csvMeta(), data, { chunkRows: 3 });
    await finishing;
    await importRecords(plain, csvMeta(), data, { chunkRows: 3 });
    expect(maxInFlight()).toBe(DEFAULT_STAGING_DEPTH);
    const strip = async (from: DexieEventStore) => (await from.loadPublishedChunks()).map(({ chunk, hashes, mask }) => ({ chunk, hashes, mask }));
    expect(await strip(store)).toEqual(await strip(plain));
  });

  it('when the first of two overlapping writes fails, waits for the other and leaves the store exactly as before', async () => {
    const { store, held, heldCount, db } = await setUp();
    // An earlier import through the same writer, so there is something to keep.
    const earlier = importRecords(store, csvMeta('old.csv'), [batchOf(records(2, 'OLD'))], { chunkRows: 3 });
    await heldCount(1);
    await held[0].finish();
    await earlier;
    const before = await observableState(store);
    const importing = importRecords(store, csvMeta(), [batchOf(records(3 * DEFAULT_STAGING_DEPTH + 3))], { chunkRows: 3 });
    const outcome = importing.then(
      () => 'published',
      (error: unknown) => String(error),
    );
    await heldCount(1 + DEFAULT_STAGING_DEPTH);
    held[1].fail(new Error('disk on fire'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The other writes still land after the failure; the cleanup must come after them.
    for (const write of held.slice(2)) await write.finish();
    expect(await outcome).toMatch(/disk on fire/);
    expect(await observableState(store)).toEqual(before);
    const kept = (await store.listImports()).find((entry) => entry.status === 'published')!.importId;
    expect(await db.chunks.where('importId').notEqual(kept).count()).toBe(0);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });
});
