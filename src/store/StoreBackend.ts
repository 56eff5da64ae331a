import type { ImportReport } from '../domain/ImportReport.ts';
import type { ImportEntry } from './ImportEntry.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import type { StorageSummary } from './StorageSummary.ts';
import type { StoredChunk } from './StoredChunk.ts';

/** All published chunks with their masks, read in one consistent snapshot, and its generation. */
export interface PublishedSnapshot {
  chunks: PublishedChunk[];
  generation: number;
}

/** Everything the publish commit of one import writes, computed before the transaction opens. */
export interface PublishPlan {
  importId: string;
  /** The store generation the import classified against; any other value means a conflict. */
  expectedGeneration: number;
  /** The import's staged chunks and their row counts, in seq order. */
  chunks: { id: string; rows: number }[];
  /** Rows newly superseded by this import, by chunk id (older chunks or this import's own). */
  superseded: ReadonlyMap<string, readonly number[]>;
  report: ImportReport;
}

/** One compaction step: swap a published chunk for its rewrite without masked rows. */
export interface ChunkReplacement {
  oldChunkId: string;
  /** The rewrite (status `published`), or null when no live row remains and the chunk just goes. */
  replacement: StoredChunk | null;
  expectedGeneration: number;
}

/**
 * Persistence primitives under an event store. Every method is one atomic step (one IndexedDB
 * transaction in the Dexie backend); the import logic above is shared by all backends.
 */
export interface StoreBackend {
  /** The current store generation (0 for an empty store). */
  readGeneration(): Promise<number>;
  /** All published chunks and their masks, in chunk id order. */
  readPublished(): Promise<PublishedSnapshot>;
  /** Records a new import as `running`. */
  createImport(entry: ImportEntry): Promise<void>;
  /** Writes one staged chunk (invisible to readers). */
  stageChunk(record: StoredChunk): Promise<void>;
  /**
   * Atomically: checks the import is still running, the generation unchanged and exactly the
   * planned chunks staged; flips them to published with fresh masks; ORs superseded rows into
   * masks; stores the report; bumps the generation. Returns the new generation.
   */
  publishImport(plan: PublishPlan): Promise<number>;
  /**
   * Atomically deletes the staged chunks of a running import and then either removes its entry
   * (`failure` null: cancelled) or marks it `failed` with the message. No-op unless still running.
   */
  discardImport(importId: string, failure: string | null): Promise<void>;
  /**
   * Deletes staged chunks of imports not in `liveImportIds` (and orphans), marks those imports
   * `abandoned`; returns their ids.
   */
  cleanupLeftovers(liveImportIds: ReadonlySet<string>): Promise<string[]>;
  /** Atomically replaces (or deletes) one published chunk and its mask; returns the new generation. */
  replaceChunk(change: ChunkReplacement): Promise<number>;
  /** Every import entry, newest first. */
  listImports(): Promise<ImportEntry[]>;
  /** One import entry, or undefined. */
  getImport(importId: string): Promise<ImportEntry | undefined>;
  /** Counts of chunks and rows, read without loading chunk columns. */
  summary(): Promise<StorageSummary>;
  /** Releases the backend (closes the database connection). */
  close(): void;
}
