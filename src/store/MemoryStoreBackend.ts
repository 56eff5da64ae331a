import { ImportConflictError } from './ImportConflictError.ts';
import type { ImportEntry } from './ImportEntry.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import { publishMasks } from './publishMasks.ts';
import type { StorageSummary } from './StorageSummary.ts';
import type { ChunkReplacement, PublishedSnapshot, PublishPlan, StoreBackend } from './StoreBackend.ts';
import type { StoredChunk } from './StoredChunk.ts';
import type { StoreFaults } from './StoreFaults.ts';
import type { StoredMask } from './StoredMask.ts';

/**
 * StoreBackend in plain Maps, for the CLI and tests. Each method validates and computes first and
 * mutates last (fault hooks run just before the mutation), so a failure changes nothing, like a
 * rolled-back transaction. Chunks are kept by reference: callers must not mutate or transfer
 * what they staged or loaded.
 */
export class MemoryStoreBackend implements StoreBackend {
  private readonly chunks = new Map<string, StoredChunk>();
  private readonly masks = new Map<string, StoredMask>();
  private readonly imports = new Map<string, ImportEntry>();
  private generation = 0;

  constructor(private readonly faults: StoreFaults = {}) {}

  async readGeneration(): Promise<number> {
    return this.generation;
  }

  async readPublished(): Promise<PublishedSnapshot> {
    const ids = [...this.chunks.keys()].sort();
    const chunks: PublishedChunk[] = [];
    for (const id of ids) {
      const record = this.chunks.get(id)!;
      if (record.status !== 'published') continue;
      const mask = this.masks.get(id);
      chunks.push({
        id,
        importId: record.importId,
        seq: record.seq,
        chunk: record.chunk,
        hashes: record.hashes,
        mask: mask?.mask ?? new Uint8Array(record.chunk.meta.count),
        maskedRows: mask?.maskedRows ?? 0,
      });
    }
    return { chunks, generation: this.generation };
  }

  async createImport(entry: ImportEntry): Promise<void> {
    if (this.imports.has(entry.importId)) throw new Error(`Import ${entry.importId} already exists`);
    this.imports.set(entry.importId, { ...entry });
  }

  async stageChunk(record: StoredChunk): Promise<void> {
    if (this.chunks.has(record.id)) throw new Error(`Chunk ${record.id} already exists`);
    this.faults.stage?.(record.id);
    this.chunks.set(record.id, record);
  }

  async publishImport(plan: PublishPlan): Promise<number> {
    const entry = this.imports.get(plan.importId);
    if (!entry || entry.status !== 'running') {
      throw new ImportConflictError(`Import ${plan.importId} is no longer running (${entry?.status ?? 'gone'})`);
    }
    if (this.generation !== plan.expectedGeneration) {
      throw new ImportConflictError(`The store changed during import ${plan.importId}; nothing was written`);
    }
    const staged = this.chunkIdsOf(plan.importId);
    const planned = new Set(plan.chunks.map((chunk) => chunk.id));
    if (staged.length !== planned.size || staged.some((id) => !planned.has(id))) {
      throw new ImportConflictError(`Staged chunks of import ${plan.importId} do not match what was staged`);
    }
    const masks = publishMasks(plan, this.masks);
    this.faults.publish?.(plan.importId);
    for (const id of planned) this.chunks.set(id, { ...this.chunks.get(id)!, status: 'published' });
    for (const mask of masks) this.masks.set(mask.chunkId, mask);
    this.imports.set(plan.importId, { ...entry, status: 'published', report: plan.report, error: null });
    return ++this.generation;
  }

  async discardImport(importId: string, failure: string | null): Promise<void> {
    const entry = this.imports.get(importId);
    if (entry && entry.status !== 'running') return;
    for (const id of this.chunkIdsOf(importId)) this.chunks.delete(id);
    if (!entry) return;
    if (failure === null) this.imports.delete(importId);
    else this.imports.set(importId, { ...entry, status: 'failed', error: failure });
  }

  async cleanupLeftovers(liveImportIds: ReadonlySet<string>): Promise<string[]> {
    const abandoned: string[] = [];
    for (const entry of this.imports.values()) {
      if (entry.status === 'running' && !liveImportIds.has(entry.importId)) abandoned.push(entry.importId);
    }
    for (const [id, record] of this.chunks) {
      if (record.status !== 'staged') continue;
      const owner = this.imports.get(record.importId);
      if (!owner || owner.status !== 'running' || !liveImportIds.has(record.importId)) this.chunks.delete(id);
    }
    for (const importId of abandoned) this.imports.set(importId, { ...this.imports.get(importId)!, status: 'abandoned' });
    return abandoned;
  }

  async replaceChunk(change: ChunkReplacement): Promise<number> {
    if (this.generation !== change.expectedGeneration) {
      throw new ImportConflictError(`The store changed during compaction of ${change.oldChunkId}`);
    }
    if (!this.chunks.has(change.oldChunkId)) throw new ImportConflictError(`Chunk ${change.oldChunkId} is gone`);
    this.faults.compact?.(change.oldChunkId);
    this.chunks.delete(change.oldChunkId);
    this.masks.delete(change.oldChunkId);
    if (change.replacement) {
      const { id } = change.replacement;
      const rows = change.replacement.chunk.meta.count;
      this.chunks.set(id, change.replacement);
      this.masks.set(id, { chunkId: id, rows, maskedRows: 0, mask: new Uint8Array(rows) });
    }
    return ++this.generation;
  }

  async listImports(): Promise<ImportEntry[]> {
    return [...this.imports.values()].sort((a, b) => b.createdAt - a.createdAt).map((entry) => ({ ...entry }));
  }

  async getImport(importId: string): Promise<ImportEntry | undefined> {
    const entry = this.imports.get(importId);
    return entry ? { ...entry } : undefined;
  }

  async summary(): Promise<StorageSummary> {
    let rows = 0;
    let maskedRows = 0;
    for (const mask of this.masks.values()) {
      rows += mask.rows;
      maskedRows += mask.maskedRows;
    }
    let stagedChunks = 0;
    for (const record of this.chunks.values()) if (record.status === 'staged') stagedChunks++;
    return { chunks: this.masks.size, stagedChunks, rows, liveRows: rows - maskedRows, maskedRows, imports: this.imports.size };
  }

  close(): void {}

  private chunkIdsOf(importId: string): string[] {
    const ids: string[] = [];
    for (const [id, record] of this.chunks) if (record.importId === importId) ids.push(id);
    return ids;
  }
}
