import { afterEach, describe, expect, it } from 'vitest';
import type { CellResolver, ResolvedCells } from '../events/CellResolver.ts';
import { computeCells } from '../events/computeCells.ts';
import type { EventStore } from './EventStore.ts';
import { importRecords } from './importRecords.ts';
import type { ParsedBatch } from './ParsedBatch.ts';
import { batchOf, csvMeta, makeRecord, observableState, STORE_KINDS } from './storeTestSupport.ts';

/** Resolves cells later than asked (another thread's round trip), counting requests. */
class SlowResolver implements CellResolver {
  requests = 0;
  constructor(private readonly answer: (lon: Float64Array, lat: Float64Array) => ResolvedCells = computeCells) {}
  async resolve(lon: Float64Array, lat: Float64Array): Promise<ResolvedCells> {
    this.requests++;
    await new Promise((resolve) => setTimeout(resolve, 2));
    return this.answer(lon, lat);
  }
}

const records = (count: number, prefix = 'R') =>
  Array.from({ length: count }, (_, i) => makeRecord({ id: `${prefix}${i}`, lon: 113 + (i % 7) * 0.1, lat: 22 + (i % 5) * 0.1, updated: 1000 + i }));

function batchesOf(all: ReturnType<typeof records>, size: number): ParsedBatch[] {
  const out: ParsedBatch[] = [];
  for (let i = 0; i < all.length; i += size) out.push(batchOf(all.slice(i, i + size)));
  return out;
}

/** Published chunks without their import-specific ids, for comparing two imports of the same data. */
async function publishedData(store: EventStore): Promise<unknown> {
  return (await store.loadPublishedChunks()).map(({ chunk, hashes, mask }) => ({ chunk, hashes, mask }));
}

describe.each(STORE_KINDS)('importRecords with background staging and a cell resolver, into $name', ({ create }) => {
  const stores: EventStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });
  const open = async (...args: Parameters<typeof create>) => {
    const store = await create(...args);
    stores.push(store);
    return store;
  };

  it('stores exactly what in-thread cells store, one resolve per chunk', async () => {
    const data = records(23);
    const plain = await open();
    const withWorker = await open();
    const resolver = new SlowResolver();
    const a = await importRecords(plain, csvMeta(), batchesOf(data, 4), { chunkRows: 5 });
    const b = await importRecords(withWorker, csvMeta(), batchesOf(data, 4), { chunkRows: 5, cells: resolver });
    expect(b.counts).toEqual(a.counts);
    expect(resolver.requests).toBe(5);
    expect(await publishedData(withWorker)).toEqual(await publishedData(plain));
  });

  it('fails visibly to nobody, with the stage error, when a background stage fails', async () => {
    let staged = 0;
    const store = await open({
      stage: () => {
        if (++staged === 2) throw new Error('disk on fire');
      },
    });
    await importRecords(store, csvMeta(), [batchOf(records(3, 'OLD'))], { chunkRows: 5 });
    const before = await observableState(store);
    await expect(importRecords(store, csvMeta(), batchesOf(records(40), 3), { chunkRows: 5, cells: new SlowResolver() })).rejects.toThrow(
      /disk on fire/,
    );
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
    const failed = (await store.listImports()).find((entry) => entry.status === 'failed');
    expect(failed?.error).toMatch(/disk on fire/);
  });

  it('leaves the store exactly as before when cancelled while chunks wait for cells', async () => {
    const store = await open();
    await importRecords(store, csvMeta(), [batchOf(records(3, 'OLD'))], { chunkRows: 5 });
    const before = await observableState(store);
    const importsBefore = await store.listImports();
    const controller = new AbortController();
    const data = records(30);
    async function* batches(): AsyncGenerator<ParsedBatch> {
      yield batchOf(data.slice(0, 12));
      yield batchOf(data.slice(12, 24));
      controller.abort();
      yield batchOf(data.slice(24));
    }
    await expect(importRecords(store, csvMeta(), batches(), { chunkRows: 5, signal: controller.signal, cells: new SlowResolver() })).rejects.toThrow();
    expect(await observableState(store)).toEqual(before);
    expect(await store.listImports()).toEqual(importsBefore);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('fails the import, writing nothing, when resolved cells do not fit their chunk', async () => {
    const store = await open();
    const before = await observableState(store);
    const wrong = new SlowResolver(() => ({ high: new Uint32Array(1), low: new Uint32Array(1) }));
    await expect(importRecords(store, csvMeta(), batchesOf(records(12), 4), { chunkRows: 5, cells: wrong })).rejects.toThrow(/do not fit/);
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });
});
