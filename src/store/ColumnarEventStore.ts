import type { ImportReport } from '../domain/ImportReport.ts';
import { DEFAULT_CHUNK_ROWS } from '../events/EventChunkBuilder.ts';
import { compactChunk } from './compactChunk.ts';
import type { BeginImportOptions, CompactionResult, CompactOptions, EventStore } from './EventStore.ts';
import type { ImportEntry } from './ImportEntry.ts';
import { defaultImportLiveness, type ImportLiveness } from './ImportLiveness.ts';
import { type ImportMeta, ImportSession, type ImportSessionEnd } from './ImportSession.ts';
import { isQuotaExceededError } from './isQuotaExceededError.ts';
import { KeyIndex } from './KeyIndex.ts';
import { newImportId } from './newImportId.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import type { StorageSummary } from './StorageSummary.ts';
import { StorageFullError } from './StorageFullError.ts';
import type { StoreBackend } from './StoreBackend.ts';
import { compactedChunkIdFor } from './StoredChunk.ts';

/** Options shared by every store. */
export interface ColumnarEventStoreOptions {
  /** Sees imports running in other tabs, so cleanup spares them (default: Web Locks when present). */
  liveness?: ImportLiveness;
  /** Clock for import ids and entries (default Date.now). */
  now?: () => number;
}

/** Share of masked rows above which compact() rewrites a chunk. */
export const DEFAULT_COMPACTION_THRESHOLD = 0.2;

/**
 * The EventStore logic over any StoreBackend: key index upkeep, import sessions and compaction.
 *
 * The key index is built lazily by the first import from one read of all published chunks and is
 * then kept current in memory: a publish merges the import's keys, compaction relocates rows. It
 * is tagged with the store generation it reflects; when another tab has committed since (the
 * persisted generation moved), the next import rebuilds it, and a publish based on a stale view
 * fails with ImportConflictError instead of writing wrong masks.
 */
export class ColumnarEventStore implements EventStore {
  protected readonly backend: StoreBackend;
  private readonly liveness: ImportLiveness;
  private readonly now: () => number;
  private keyIndex: KeyIndex | null = null;
  private indexGeneration = -1;
  private busy: 'import' | 'compaction' | null = null;
  private activeImportId: string | null = null;

  constructor(backend: StoreBackend, options: ColumnarEventStoreOptions = {}) {
    this.backend = backend;
    this.liveness = options.liveness ?? defaultImportLiveness();
    this.now = options.now ?? Date.now;
  }

  async beginImport(meta: ImportMeta, options: BeginImportOptions = {}): Promise<ImportSession> {
    this.claim('beginImport');
    this.busy = 'import';
    let release = (): void => {};
    try {
      const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
      if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a positive integer, got ${chunkRows}`);
      const base = await this.currentKeyIndex();
      const createdAt = this.now();
      const importId = newImportId(createdAt);
      release = await this.liveness.hold(importId);
      await this.backend.createImport({
        importId,
        status: 'running',
        createdAt,
        feedName: meta.feedName,
        source: meta.source,
        format: meta.format,
        report: null,
        error: null,
      });
      this.activeImportId = importId;
      const releaseHold = release;
      return new ImportSession({
        importId,
        meta,
        chunkRows,
        base,
        generation: this.indexGeneration,
        backend: this.backend,
        onEnd: (end) => this.importEnded(end, releaseHold),
      });
    } catch (error) {
      release();
      this.busy = null;
      throw isQuotaExceededError(error) ? new StorageFullError(`the import of "${meta.feedName}"`, { cause: error }) : error;
    }
  }

  /**
   * The store's generation: it moves with every publish and compaction, so a reader can tell
   * whether the published chunks it read are still the published set.
   */
  async generation(): Promise<number> {
    return this.backend.readGeneration();
  }

  async loadPublishedChunks(): Promise<PublishedChunk[]> {
    return (await this.backend.readPublished()).chunks;
  }

  async storageSummary(): Promise<StorageSummary> {
    return this.backend.summary();
  }

  async compact(options: CompactOptions = {}): Promise<CompactionResult> {
    this.claim('compact');
    this.busy = 'compaction';
    try {
      return await this.compactChunks(options.threshold ?? DEFAULT_COMPACTION_THRESHOLD);
    } finally {
      this.busy = null;
    }
  }

  async listImports(): Promise<ImportEntry[]> {
    return this.backend.listImports();
  }

  async getImport(importId: string): Promise<ImportEntry | undefined> {
    return this.backend.getImport(importId);
  }

  async getReport(importId: string): Promise<ImportReport | undefined> {
    return (await this.backend.getImport(importId))?.report ?? undefined;
  }

  async cleanupLeftovers(): Promise<string[]> {
    const live = await this.liveness.liveImports();
    if (this.activeImportId) live.add(this.activeImportId);
    return this.backend.cleanupLeftovers(live);
  }

  close(): void {
    this.backend.close();
  }

  private claim(operation: string): void {
    if (this.busy) throw new Error(`${operation}(): an ${this.busy} is already running in this store`);
  }

  private async currentKeyIndex(): Promise<KeyIndex> {
    const generation = await this.backend.readGeneration();
    if (!this.keyIndex || this.indexGeneration !== generation) {
      const snapshot = await this.backend.readPublished();
      this.keyIndex = KeyIndex.fromChunks(snapshot.chunks);
      this.indexGeneration = snapshot.generation;
    }
    return this.keyIndex;
  }

  private importEnded(end: ImportSessionEnd, release: () => void): void {
    release();
    this.busy = null;
    this.activeImportId = null;
    if (!end.published) return;
    if (this.keyIndex && this.indexGeneration === end.expectedGeneration) {
      // The first import into an empty store: its overlay is the whole index, and copying a
      // million keys into an empty Map would cost as much as building the overlay did.
      if (this.keyIndex.size === 0) this.keyIndex = end.overlay;
      else this.keyIndex.absorb(end.overlay);
      this.indexGeneration = end.generation;
    } else {
      this.keyIndex = null;
    }
  }

  private async compactChunks(threshold: number): Promise<CompactionResult> {
    const snapshot = await this.backend.readPublished();
    let generation = snapshot.generation;
    let index = this.keyIndex && this.indexGeneration === generation ? this.keyIndex : null;
    if (!index) this.keyIndex = null;
    const result: CompactionResult = { rewritten: 0, removed: 0, rowsReclaimed: 0 };
    for (const published of snapshot.chunks) {
      const rows = published.chunk.meta.count;
      if (published.maskedRows === 0 || published.maskedRows / rows <= threshold) continue;
      const compacted = compactChunk(published);
      const newId = compactedChunkIdFor(published.id, generation + 1);
      try {
        generation = await this.backend.replaceChunk({
          oldChunkId: published.id,
          expectedGeneration: generation,
          replacement: compacted && {
            id: newId,
            importId: published.importId,
            seq: published.seq,
            status: 'published',
            chunk: compacted.chunk,
            hashes: compacted.hashes,
          },
        });
      } catch (error) {
        if (isQuotaExceededError(error)) throw new StorageFullError(`compaction of chunk ${published.id}`, { cause: error });
        throw error;
      }
      result.rowsReclaimed += published.maskedRows;
      if (compacted) result.rewritten++;
      else result.removed++;
      if (index && compacted && !this.relocate(index, published, newId, compacted.sourceRows)) index = null;
      if (index) {
        this.indexGeneration = generation;
      } else {
        this.keyIndex = null;
      }
    }
    return result;
  }

  /** Points the index at the rewritten rows; false if it disagreed about where a key lived. */
  private relocate(index: KeyIndex, published: PublishedChunk, newId: string, sourceRows: Uint32Array): boolean {
    const { strings, columns } = published.chunk;
    for (let row = 0; row < sourceRows.length; row++) {
      const oldRow = sourceRows[row];
      if (!index.relocate(strings.sources[columns.source[oldRow]], strings.ids[oldRow], published.id, oldRow, newId, row)) return false;
    }
    return true;
  }
}
