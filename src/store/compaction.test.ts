import { afterEach, describe, expect, it } from 'vitest';
import { compactChunk } from './compactChunk.ts';
import type { EventStore } from './EventStore.ts';
import { importRecords } from './importRecords.ts';
import { recordKey } from './recordKey.ts';
import { batchOf, csvMeta, liveRows, makeRecord, STORE_KINDS } from './storeTestSupport.ts';

const ids = (count: number, prefix = 'R'): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe.each(STORE_KINDS)('compact() on $name', ({ create }) => {
  let store: EventStore;
  afterEach(() => store?.close());

  async function load(records: ReturnType<typeof makeRecord>[]): Promise<void> {
    await importRecords(store, csvMeta(), [batchOf(records)], { chunkRows: 10 });
  }

  it('rewrites chunks with more than 20 % masked rows, keeping exactly the live rows', async () => {
    store = await create();
    await load(ids(20).map((id, i) => makeRecord({ id, updated: 1, lon: 113 + i / 100, lat: 22 + i / 100 })));
    // Chunk 0 (R0..R9) loses 3 rows (30 %), chunk 1 (R10..R19) loses 1 (10 %).
    await load(['R1', 'R4', 'R7', 'R15'].map((id) => makeRecord({ id, updated: 2, description: 'v2' })));
    const before = liveRows(await store.loadPublishedChunks());
    const result = await store.compact();
    expect(result).toEqual({ rewritten: 1, removed: 0, rowsReclaimed: 3 });
    const chunks = await store.loadPublishedChunks();
    expect(liveRows(chunks)).toEqual(before);
    const summary = await store.storageSummary();
    expect(summary).toMatchObject({ chunks: 3, rows: 21, liveRows: 20, maskedRows: 1 });
    const rewritten = chunks.find((chunk) => chunk.id.includes('~'))!;
    expect(rewritten.chunk.meta.count).toBe(7);
    expect(rewritten.chunk.meta.categoryCounts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(rewritten.chunk.meta.bbox[0]).toBeCloseTo(113);
    expect(rewritten.chunk.meta.bbox[2]).toBeCloseTo(113.09);
  });

  it('keeps the key index consistent, so later imports classify exactly', async () => {
    store = await create();
    await load(ids(10).map((id) => makeRecord({ id, updated: 1 })));
    await load(['R0', 'R1', 'R2', 'R3'].map((id) => makeRecord({ id, updated: 2 })));
    await store.compact();
    const again = await importRecords(
      store,
      csvMeta(),
      [batchOf([makeRecord({ id: 'R9', updated: 1 }), makeRecord({ id: 'R8', updated: 3 }), makeRecord({ id: 'R0', updated: 2 })])],
      { chunkRows: 10 },
    );
    expect(again.counts).toMatchObject({ unchanged: 2, updated: 1 });
    const live = liveRows(await store.loadPublishedChunks());
    expect(live.size).toBe(10);
    expect(live.get(recordKey('GACC-GD', 'R8'))?.updated).toBe(3);
  });

  it('leaves the store as it was when the replacing transaction fails', async () => {
    let fail = false;
    store = await create({
      compact: () => {
        if (fail) throw new Error('injected compaction failure');
      },
    });
    await load(ids(10).map((id) => makeRecord({ id, updated: 1 })));
    await load(['R0', 'R1', 'R2'].map((id) => makeRecord({ id, updated: 2 })));
    const before = await store.loadPublishedChunks();
    fail = true;
    await expect(store.compact()).rejects.toThrow('injected compaction failure');
    expect(await store.loadPublishedChunks()).toEqual(before);
    fail = false;
    const again = await importRecords(store, csvMeta(), [batchOf([makeRecord({ id: 'R0', updated: 2 }), makeRecord({ id: 'R5', updated: 1 })])], {
      chunkRows: 10,
    });
    expect(again.counts).toMatchObject({ unchanged: 2 });
    expect(await store.compact()).toMatchObject({ rewritten: 1 });
  });

  it('removes chunks whose every row is superseded and leaves little-masked chunks alone', async () => {
    store = await create();
    await load(ids(4).map((id) => makeRecord({ id, updated: 1 })));
    await load(ids(4).map((id) => makeRecord({ id, updated: 2 })));
    expect(await store.compact({ threshold: 0.5 })).toEqual({ rewritten: 0, removed: 1, rowsReclaimed: 4 });
    expect(await store.compact()).toEqual({ rewritten: 0, removed: 0, rowsReclaimed: 0 });
    expect(await store.storageSummary()).toMatchObject({ chunks: 1, rows: 4, maskedRows: 0 });
  });
});

describe('compactChunk', () => {
  it('returns null when nothing is live', () => {
    const chunk = { id: 'c', importId: 'i', seq: 0, hashes: new Float64Array(0), mask: new Uint8Array(0), maskedRows: 0 };
    expect(compactChunk({ ...chunk, chunk: { formatVersion: 1, columns: {} as never, strings: {} as never, meta: { count: 0, minTime: 0, maxTime: 0, bbox: [0, 0, 0, 0], categoryCounts: [] } } })).toBeNull();
  });
});
