import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { EventStore } from './EventStore.ts';
import { importRecords } from './importRecords.ts';
import type { ParsedBatch } from './ParsedBatch.ts';
import { recordKey } from './recordKey.ts';
import { batchOf, csvMeta, liveRows, makeRecord, observableState, STORE_KINDS } from './storeTestSupport.ts';

const key = (id: string, source = 'GACC-GD'): string => recordKey(source, id);

describe.each(STORE_KINDS)('importRecords into $name', ({ create }) => {
  let store: EventStore;
  afterEach(() => store?.close());

  async function run(batches: ParsedBatch[], chunkRows = 3, name = 'feed.csv'): Promise<ImportReport> {
    return importRecords(store, csvMeta(name), batches, { chunkRows });
  }

  it('accepts new keys and publishes them in chunks', async () => {
    store = await create();
    const records = ['A', 'B', 'C', 'D', 'E'].map((id) => makeRecord({ id }));
    const report = await run([batchOf(records.slice(0, 2)), batchOf(records.slice(2))]);
    expect(report.counts).toEqual({ rowsIn: 5, accepted: 5, updated: 0, unchanged: 0, stale: 0, rejected: 0, warnings: 0 });
    const chunks = await store.loadPublishedChunks();
    expect(chunks.map((chunk) => chunk.chunk.meta.count)).toEqual([3, 2]);
    expect([...liveRows(chunks).keys()].sort()).toEqual(['A', 'B', 'C', 'D', 'E'].map((id) => key(id)));
    expect(await store.getReport(report.importId)).toEqual(report);
  });

  it('classifies newer, identical, same-version-different and older versions', async () => {
    store = await create();
    await run([batchOf(['A', 'B', 'C', 'D'].map((id) => makeRecord({ id, updated: 100 })))]);
    const report = await run([
      batchOf([
        makeRecord({ id: 'A', updated: 200, description: 'newer' }),
        makeRecord({ id: 'B', updated: 100 }),
        makeRecord({ id: 'C', updated: 100, description: 'corrected' }),
        makeRecord({ id: 'D', updated: 50, description: 'older' }),
        makeRecord({ id: 'E', updated: 10 }),
      ]),
    ]);
    expect(report.counts).toMatchObject({ rowsIn: 5, accepted: 1, updated: 2, unchanged: 1, stale: 1 });
    const live = liveRows(await store.loadPublishedChunks());
    expect(live.size).toBe(5);
    expect(live.get(key('A'))).toMatchObject({ updated: 200, description: 'newer' });
    expect(live.get(key('C'))).toMatchObject({ updated: 100, description: 'corrected' });
    expect(live.get(key('D'))).toMatchObject({ updated: 100, description: 'Cigarettes in a container' });
    const summary = await store.storageSummary();
    expect(summary).toMatchObject({ rows: 7, liveRows: 5, maskedRows: 2 });
  });

  it('treats a key repeated within one file by the same rules, across chunk boundaries', async () => {
    store = await create();
    const report = await run([
      batchOf([
        makeRecord({ id: 'A', updated: 100 }),
        makeRecord({ id: 'B', updated: 100 }),
        makeRecord({ id: 'C', updated: 100 }),
        makeRecord({ id: 'D', updated: 100 }),
      ]),
      batchOf([
        makeRecord({ id: 'A', updated: 300, description: 'A2' }),
        makeRecord({ id: 'B', updated: 50 }),
        makeRecord({ id: 'C', updated: 100 }),
        makeRecord({ id: 'D', updated: 100, description: 'D2' }),
        makeRecord({ id: 'A', updated: 200 }),
      ]),
    ]);
    expect(report.counts).toMatchObject({ rowsIn: 9, accepted: 4, updated: 2, unchanged: 1, stale: 2 });
    const chunks = await store.loadPublishedChunks();
    const live = liveRows(chunks);
    expect(live.size).toBe(4);
    expect(live.get(key('A'))).toMatchObject({ updated: 300, description: 'A2' });
    expect(live.get(key('D'))?.description).toBe('D2');
    expect(chunks.reduce((sum, chunk) => sum + chunk.maskedRows, 0)).toBe(2);
  });

  it('changes nothing when the same file is imported again', async () => {
    store = await create();
    const batches = [batchOf(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id, i) => makeRecord({ id, updated: i, links: [`HKCED:${i}`] })))];
    await run(batches);
    const before = await store.loadPublishedChunks();
    const summaryBefore = await store.storageSummary();
    const report = await run(batches);
    expect(report.counts).toMatchObject({ rowsIn: 7, accepted: 0, updated: 0, unchanged: 7, stale: 0 });
    expect(await store.loadPublishedChunks()).toEqual(before);
    expect(await store.storageSummary()).toEqual({ ...summaryBefore, imports: summaryBefore.imports + 1 });
  });

  it('counts rejections and warnings so that the outcomes add up to rowsIn', async () => {
    store = await create();
    const report = await run([
      batchOf([makeRecord({ id: 'A' })], [{ location: { line: 3 }, field: 'lat', reason: 'bad' }], [
        { location: { line: 2 }, field: 'category', message: 'unknown', original: 'xx' },
      ]),
      batchOf([makeRecord({ id: 'A' })], [{ location: { line: 5 }, field: 'id', reason: 'missing' }]),
    ]);
    const { counts } = report;
    expect(counts).toEqual({ rowsIn: 4, accepted: 1, updated: 0, unchanged: 1, stale: 0, rejected: 2, warnings: 1 });
    expect(counts.accepted + counts.updated + counts.unchanged + counts.stale + counts.rejected).toBe(counts.rowsIn);
    expect(report.rejections.map((rejection) => rejection.field)).toEqual(['lat', 'id']);
  });

  it('fails the import, visibly to nobody, when a batch miscounts its rows', async () => {
    store = await create();
    await run([batchOf([makeRecord({ id: 'A' })])]);
    const before = await observableState(store);
    const bad: ParsedBatch = { ...batchOf([makeRecord({ id: 'B' }), makeRecord({ id: 'C' }), makeRecord({ id: 'D' })]), rowsIn: 4 };
    await expect(run([batchOf([makeRecord({ id: 'E' })]), batchOf([makeRecord({ id: 'F' }), makeRecord({ id: 'G' })]), bad])).rejects.toThrow(
      /claims 4 rows/,
    );
    expect(await observableState(store)).toEqual(before);
    const failed = (await store.listImports()).find((entry) => entry.status === 'failed');
    expect(failed?.error).toMatch(/claims 4 rows/);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('leaves the store exactly as before when cancelled mid-way', async () => {
    store = await create();
    await run([batchOf(['A', 'B', 'C', 'D'].map((id) => makeRecord({ id })))]);
    const before = await observableState(store);
    const importsBefore = await store.listImports();
    const controller = new AbortController();
    async function* batches(): AsyncGenerator<ParsedBatch> {
      yield batchOf(['A', 'X', 'Y', 'Z', 'W'].map((id) => makeRecord({ id, updated: 9e12 })));
      controller.abort();
      yield batchOf([makeRecord({ id: 'V' })]);
    }
    await expect(importRecords(store, csvMeta(), batches(), { chunkRows: 2, signal: controller.signal })).rejects.toThrow();
    expect(await observableState(store)).toEqual(before);
    expect(await store.listImports()).toEqual(importsBefore);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
    // The aborted import must not linger in the key index either.
    const again = await run([batchOf([makeRecord({ id: 'X', updated: 9e12 })])]);
    expect(again.counts.accepted).toBe(1);
  });

  it('keeps the key index exact across imports and reports them newest first', async () => {
    store = await create();
    const first = await run([batchOf([makeRecord({ id: 'A', updated: 1 })])], 3, 'one.csv');
    const second = await run([batchOf([makeRecord({ id: 'A', updated: 2 })])], 3, 'two.csv');
    const third = await run([batchOf([makeRecord({ id: 'A', updated: 2 }), makeRecord({ id: 'A', updated: 1 })])], 3, 'three.csv');
    expect(second.counts.updated).toBe(1);
    expect(third.counts).toMatchObject({ unchanged: 1, stale: 1 });
    const imports = await store.listImports();
    expect(imports.map((entry) => entry.importId).sort()).toEqual([first.importId, second.importId, third.importId].sort());
    expect(imports.every((entry) => entry.status === 'published')).toBe(true);
  });

  it('refuses a second import while one is running', async () => {
    store = await create();
    const session = await store.beginImport(csvMeta());
    await expect(store.beginImport(csvMeta())).rejects.toThrow(/already running/);
    await session.abort();
    const next = await store.beginImport(csvMeta());
    await next.abort();
  });
});
