import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { DexieEventStore } from './DexieEventStore.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import { importRecords } from './importRecords.ts';
import { recordContentHash } from './recordContentHash.ts';
import { recordKey } from './recordKey.ts';
import { batchOf, csvMeta, freshIndexedDb, liveRows, makeRecord } from './storeTestSupport.ts';
import { TidegateDatabase } from './TidegateDatabase.ts';
import { type FeedSubscriptionV1, type ImportEntryV1, TIDEGATE_SCHEMA_V1, TIDEGATE_SCHEMA_V2 } from './tidegateSchema.ts';

describe('TidegateDatabase', () => {
  const toClose: Dexie[] = [];
  afterEach(() => {
    for (const db of toClose.splice(0)) db.close();
  });

  it('upgrades a version 1 database with data to version 2', async () => {
    const location = freshIndexedDb();
    const v1 = new Dexie(location.name, { indexedDB: location.indexedDB, IDBKeyRange: location.IDBKeyRange });
    v1.version(1).stores(TIDEGATE_SCHEMA_V1);
    const record = makeRecord({ id: 'OLD', updated: 5 });
    const builder = new EventChunkBuilder(1);
    builder.append(record);
    const importId = `${(1_650_000_000_000).toString(36).padStart(9, '0')}-00000000000000aa`;
    await v1.table('chunks').add({ id: `${importId}/000000`, importId, seq: 0, status: 'published', chunk: builder.build(), hashes: Float64Array.of(recordContentHash(record)) });
    await v1.table('masks').add({ chunkId: `${importId}/000000`, rows: 1, maskedRows: 0, mask: new Uint8Array(1) });
    const entries: ImportEntryV1[] = [
      { importId, status: 'published', feedName: 'old.csv', source: null, format: 'csv', report: null, error: null },
      {
        importId: 'x-reported',
        status: 'published',
        feedName: 'reported.csv',
        source: 'HKCED',
        format: 'ndjson',
        error: null,
        report: {
          importId: 'x-reported',
          feedName: 'reported.csv',
          source: 'HKCED',
          format: 'ndjson',
          startedAt: 1_700_000_000_000,
          finishedAt: 1_700_000_001_000,
          counts: { rowsIn: 0, accepted: 0, updated: 0, unchanged: 0, stale: 0, rejected: 0, warnings: 0 },
          rejections: [],
          warnings: [],
        },
      },
    ];
    await v1.table('imports').bulkAdd(entries);
    const feed: FeedSubscriptionV1 = { url: 'https://example.org/feed.csv', name: 'Example', pollMinutes: 15, etag: null, lastModified: null, lastFetchedAt: null };
    await v1.table('feeds').add(feed);
    v1.close();

    const store = await DexieEventStore.open({ ...location, liveness: NO_LIVENESS });
    toClose.push(store.db);
    expect(store.db.verno).toBe(2);
    expect(store.db.views.schema.name).toBe('views');
    expect((await store.db.feeds.get(feed.url))?.enabled).toBe(true);
    expect((await store.getImport(importId))?.createdAt).toBe(1_650_000_000_000);
    expect((await store.getImport('x-reported'))?.createdAt).toBe(1_700_000_000_000);
    const newestFirst = await store.listImports();
    expect(newestFirst.map((entry) => entry.importId)).toEqual(['x-reported', importId]);
    await store.db.views.put({ id: 'v1', name: 'Pearl River', state: '{"zoom":9}', updatedAt: 1 });
    expect(await store.db.views.where('name').equals('Pearl River').count()).toBe(1);
    // Data written by version 1 takes part in upserts as before.
    const report = await importRecords(store, csvMeta(), [batchOf([makeRecord({ id: 'OLD', updated: 5 }), makeRecord({ id: 'OLD', updated: 6 })])]);
    expect(report.counts).toMatchObject({ unchanged: 1, updated: 1 });
    expect(liveRows(await store.loadPublishedChunks()).get(recordKey('GACC-GD', 'OLD'))?.updated).toBe(6);
  });

  it('closes itself and tells listeners when another connection upgrades, without blocking it', async () => {
    const location = freshIndexedDb();
    const db = new TidegateDatabase(location);
    await db.open();
    const notices: unknown[] = [];
    db.onVersionChange((notice) => notices.push(notice));

    const newer = new Dexie(location.name, { indexedDB: location.indexedDB, IDBKeyRange: location.IDBKeyRange });
    newer.version(2).stores(TIDEGATE_SCHEMA_V2);
    newer.version(3).stores({ ...TIDEGATE_SCHEMA_V2, views: 'id, name, updatedAt' });
    toClose.push(newer);
    await newer.open();
    expect(newer.verno).toBe(3);
    expect(notices).toEqual([{ newVersion: 3 }]);
    expect(db.isOpen()).toBe(false);
    expect(db.closedByVersionChange).toBe(true);
    // It stays closed rather than reopening with its outdated schema.
    await expect(db.settings.get('x')).rejects.toThrow();
  });

  it('reports being blocked by a connection that will not close, then opens once it does', async () => {
    const location = freshIndexedDb();
    const stubborn = new Dexie(location.name, { indexedDB: location.indexedDB, IDBKeyRange: location.IDBKeyRange });
    stubborn.version(1).stores(TIDEGATE_SCHEMA_V1);
    stubborn.on('versionchange', () => false);
    await stubborn.open();

    const db = new TidegateDatabase(location);
    toClose.push(db);
    const blocked = new Promise<unknown>((resolve) => db.onBlocked(resolve));
    const opening = db.open();
    expect(await blocked).toEqual({ oldVersion: 1, newVersion: 2 });
    stubborn.close();
    await opening;
    expect(db.verno).toBe(2);
  });
});
