import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { ImportReport, RowRejection, RowWarning } from '../domain/ImportReport.ts';
import { DexieEventStore, type DexieEventStoreOptions } from './DexieEventStore.ts';
import type { EventStore } from './EventStore.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import type { ImportMeta, ImportSession } from './ImportSession.ts';
import { MemoryEventStore } from './MemoryEventStore.ts';
import type { ParsedBatch } from './ParsedBatch.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import { recordKey } from './recordKey.ts';
import type { StoreFaults } from './StoreFaults.ts';
import type { TidegateDatabase } from './TidegateDatabase.ts';

/** Test helpers for src/store: record builders, store factories and snapshots. Not app code. */

/** A valid FeedRecord in Shenzhen Bay with every field set; override what a test cares about. */
export function makeRecord(overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    source: 'GACC-GD',
    id: 'R1',
    time: 1_700_000_000_000,
    lon: 113.95,
    lat: 22.5,
    category: 'tobacco',
    kind: 'seizure',
    severity: 3,
    grading: 'B2',
    valueCny: 12_000,
    mode: 'sea',
    site: null,
    channel: null,
    links: [],
    description: 'Cigarettes in a container',
    updated: 1_700_000_000_000,
    ...overrides,
  };
}

/** A parser batch of accepted records plus optional rejections and warnings. */
export function batchOf(records: FeedRecord[], rejections: RowRejection[] = [], warnings: RowWarning[] = []): ParsedBatch {
  return { records, rejections, warnings, rowsIn: records.length + rejections.length };
}

/** The report publish() accepts for `session` of a CSV file: its outcome counts, `rowsIn` rows, nothing rejected. */
export function reportOf(session: ImportSession, rowsIn: number): ImportReport {
  return {
    importId: session.importId,
    feedName: session.meta.feedName,
    source: null,
    format: 'csv',
    startedAt: 0,
    finishedAt: 0,
    counts: { rowsIn, ...session.counts, rejected: 0, warnings: 0 },
    rejections: [],
    warnings: [],
  };
}

/** Import metadata of a CSV file named `name`. */
export function csvMeta(name = 'feed.csv'): ImportMeta {
  return { feedName: name, source: null, format: 'csv' };
}

let databaseCounter = 0;

/** A fresh, isolated IndexedDB factory with a unique database name. */
export function freshIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange; name: string } {
  return { indexedDB: new IDBFactory(), IDBKeyRange, name: `tidegate-test-${++databaseCounter}` };
}

/** Opens a DexieEventStore on a fresh fake IndexedDB. */
export async function openTestDexieStore(options: Partial<DexieEventStoreOptions> = {}): Promise<DexieEventStore> {
  return DexieEventStore.open({ ...freshIndexedDb(), liveness: NO_LIVENESS, ...options });
}

/** Factories of both store kinds, for tests that must hold for either. */
export const STORE_KINDS: { name: string; create(faults?: StoreFaults): Promise<EventStore> }[] = [
  { name: 'MemoryEventStore', create: async (faults) => new MemoryEventStore({ faults }) },
  { name: 'DexieEventStore', create: (faults) => openTestDexieStore({ faults }) },
];

/** What readers see of one live row. */
export interface LiveRow {
  updated: number;
  description: string;
  severity: number;
  hash: number;
}

/** The live (unmasked) rows of published chunks by record key. Throws if a key is live twice. */
export function liveRows(chunks: readonly PublishedChunk[]): Map<string, LiveRow> {
  const live = new Map<string, LiveRow>();
  for (const { chunk, mask, hashes } of chunks) {
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask[row]) continue;
      const key = recordKey(chunk.strings.sources[chunk.columns.source[row]], chunk.strings.ids[row]);
      if (live.has(key)) throw new Error(`Key ${key} is live twice`);
      live.set(key, {
        updated: chunk.columns.updated[row],
        description: chunk.strings.descriptions[row],
        severity: chunk.columns.severity[row],
        hash: hashes[row],
      });
    }
  }
  return live;
}

/** Everything a reader of a store can observe, for "identical before and after" checks. */
export async function observableState(store: EventStore): Promise<unknown> {
  const chunks = await store.loadPublishedChunks();
  const imports = (await store.listImports()).filter((entry) => entry.status === 'published');
  // The summary's import count includes failed entries, which are bookkeeping, not data.
  const { imports: _entries, ...summary } = await store.storageSummary();
  return { chunks, imports, summary };
}

/** Every record of every table of a Tidegate database, sorted, for byte-level comparisons. */
export async function dumpDatabase(db: TidegateDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}
