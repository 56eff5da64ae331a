import type { ImportReport } from '../domain/ImportReport.ts';
import type { ImportEntry } from './ImportEntry.ts';
import type { ImportMeta, ImportSession } from './ImportSession.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import type { StorageSummary } from './StorageSummary.ts';

/** Options of one import. */
export interface BeginImportOptions {
  /** Rows per chunk (default DEFAULT_CHUNK_ROWS); the builder that fills the chunks must match. */
  chunkRows?: number;
}

/** Options of compact(). */
export interface CompactOptions {
  /** Rewrite a chunk when more than this share of its rows is masked (default 0.2). */
  threshold?: number;
}

/** What compact() did. */
export interface CompactionResult {
  /** Chunks rewritten without their masked rows. */
  rewritten: number;
  /** Chunks deleted because every row was masked. */
  removed: number;
  /** Masked rows dropped. */
  rowsReclaimed: number;
}

/**
 * The columnar event store: chunks of events, exact upserts by (source, id) and atomic imports.
 * DexieEventStore (IndexedDB) and MemoryEventStore (CLI, tests) implement it with the same
 * classification logic; importRecords() drives an import through it.
 *
 * One store instance runs one import or compaction at a time; starting another meanwhile throws.
 */
export interface EventStore {
  /** Starts the atomic import of one file. */
  beginImport(meta: ImportMeta, options?: BeginImportOptions): Promise<ImportSession>;
  /** All published chunks with their masks, read in one go. Staged chunks are never included. */
  loadPublishedChunks(): Promise<PublishedChunk[]>;
  /** Chunk and row counts. */
  storageSummary(): Promise<StorageSummary>;
  /** Rewrites chunks whose masked share exceeds the threshold, each atomically. */
  compact(options?: CompactOptions): Promise<CompactionResult>;
  /** Every import entry (any status), newest first. */
  listImports(): Promise<ImportEntry[]>;
  /** One import entry, or undefined. */
  getImport(importId: string): Promise<ImportEntry | undefined>;
  /** The report of a published import. */
  getReport(importId: string): Promise<ImportReport | undefined>;
  /**
   * Deletes staged chunks of imports that never published (crash, closed tab) and marks those
   * imports `abandoned`; returns their ids. Imports running live in this or another tab are spared.
   */
  cleanupLeftovers(): Promise<string[]>;
  /** Closes the underlying database; the store is unusable afterwards. */
  close(): void;
}
