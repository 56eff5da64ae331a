import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { RowRejection } from '../domain/ImportReport.ts';
import type { EventStore } from './EventStore.ts';
import { importRecords } from './importRecords.ts';
import { recordContentHash } from './recordContentHash.ts';
import { recordKey } from './recordKey.ts';
import { batchOf, csvMeta, liveRows, makeRecord, STORE_KINDS } from './storeTestSupport.ts';
import { decideUpsert, type UpsertOutcome } from './UpsertOutcome.ts';

/** A tiny key space and version range, so that collisions of every kind are frequent. */
const recordArbitrary = fc
  .record({
    source: fc.constantFrom('GACC-GD', 'HKCED'),
    id: fc.constantFrom('1', '2', '3', '4'),
    updated: fc.integer({ min: 1, max: 4 }),
    description: fc.constantFrom('x', 'y'),
  })
  .map((fields) => makeRecord(fields));

const fileArbitrary = fc.record({
  batches: fc.array(
    fc.record({ records: fc.array(recordArbitrary, { maxLength: 6 }), rejected: fc.integer({ min: 0, max: 2 }) }),
    { maxLength: 3 },
  ),
});

type Model = Map<string, { updated: number; hash: number }>;

/** Applies one file to the model by the upsert rules, record by record. */
function applyToModel(model: Model, records: FeedRecord[]): Record<UpsertOutcome, number> {
  const counts = { accepted: 0, updated: 0, unchanged: 0, stale: 0 };
  for (const record of records) {
    const key = recordKey(record.source, record.id);
    const hash = recordContentHash(record);
    const stored = model.get(key);
    const outcome = stored ? decideUpsert(stored.updated, stored.hash, record.updated, hash) : 'accepted';
    counts[outcome]++;
    if (outcome === 'accepted' || outcome === 'updated') model.set(key, { updated: record.updated, hash });
  }
  return counts;
}

/** True when some key appears twice in the file with one version and different content. */
function hasSameVersionConflict(records: FeedRecord[]): boolean {
  const seen = new Map<string, number>();
  for (const record of records) {
    const versionKey = `${recordKey(record.source, record.id)}@${record.updated}`;
    const hash = recordContentHash(record);
    if (seen.has(versionKey) && seen.get(versionKey) !== hash) return true;
    seen.set(versionKey, hash);
  }
  return false;
}

describe.each(STORE_KINDS)('importRecords on $name, property-based', ({ name, create }) => {
  it('matches a naive model over random sequences of imports; counts add up; re-import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArbitrary, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), async (files, chunkRows) => {
        const store: EventStore = await create();
        try {
          const model: Model = new Map();
          for (const file of files) {
            let line = 0;
            const batches = file.batches.map(({ records, rejected }) => {
              const rejections: RowRejection[] = Array.from({ length: rejected }, () => ({ location: { line: ++line }, field: 'row', reason: 'bad' }));
              return batchOf(records, rejections);
            });
            const all = batches.flatMap((batch) => batch.records);
            const expected = applyToModel(model, all);
            const report = await importRecords(store, csvMeta(), batches, { chunkRows });
            const { counts } = report;
            expect(counts).toMatchObject(expected);
            expect(counts.accepted + counts.updated + counts.unchanged + counts.stale + counts.rejected).toBe(counts.rowsIn);
            const live = liveRows(await store.loadPublishedChunks());
            expect(new Map([...live].map(([key, row]) => [key, { updated: row.updated, hash: row.hash }]))).toEqual(model);
          }
          const last = files[files.length - 1].batches.map(({ records }) => batchOf(records));
          const lastRecords = last.flatMap((batch) => batch.records);
          const before = await store.loadPublishedChunks();
          const again = await importRecords(store, csvMeta(), last, { chunkRows });
          expect(again.counts.accepted).toBe(0);
          if (!hasSameVersionConflict(lastRecords)) {
            expect(again.counts.updated).toBe(0);
            expect(await store.loadPublishedChunks()).toEqual(before);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: name === 'MemoryEventStore' ? 150 : 40 },
    );
  });
});
