import { restoreEventChunk } from '../events/StoredEventChunk.ts';
import { ImportConflictError } from './ImportConflictError.ts';
import type { ImportEntry } from './ImportEntry.ts';
import { persistedChunk } from './PersistedChunk.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import { publishMasks } from './publishMasks.ts';
import { GENERATION_SETTING } from './SettingEntry.ts';
import type { StorageSummary } from './StorageSummary.ts';
import type { ChunkReplacement, PublishedSnapshot, PublishPlan, StoreBackend } from './StoreBackend.ts';
import type { StoredChunk } from './StoredChunk.ts';
import type { StagedChunkWriter } from './StagedChunkWriter.ts';
import type { StoreFaults } from './StoreFaults.ts';
import type { StoredMask } from './StoredMask.ts';
import type { TidegateDatabase } from './TidegateDatabase.ts';
import { writeStagedChunk } from './writeStagedChunk.ts';

/** The chunk as written to IndexedDB, in its persisted layout (see StoredEventChunk). */
function persisted(record: StoredChunk): StoredChunk {
  return persistedChunk(record) as unknown as StoredChunk;
}

/**
 * StoreBackend over IndexedDB. Each method is one short Dexie transaction that awaits nothing but
 * its own requests (IndexedDB commits a transaction as soon as a task ends with none pending), so
 * no parsing or other async work ever runs inside one.
 *
 * A chunk is published exactly when it has a record in `masks`: publishing writes the masks in one
 * transaction and never rewrites the (large) chunk records. Chunks are persisted in the packed
 * format 5 and restored through `restoreEventChunk`, which also reads formats 1 to 4.
 *
 * Staged chunks go through `stagedWriter` when one is given and available (the chunk worker's own
 * connection), else through this connection; the `stage` fault hook runs only on this connection.
 */
export class DexieStoreBackend implements StoreBackend {
  constructor(
    private readonly db: TidegateDatabase,
    private readonly faults: StoreFaults = {},
    private readonly stagedWriter: StagedChunkWriter | null = null,
  ) {}

  async readGeneration(): Promise<number> {
    return this.generationInTransaction();
  }

  async readPublished(): Promise<PublishedSnapshot> {
    const { db } = this;
    return db.transaction('r', [db.chunks, db.masks, db.settings], async () => {
      // One getAll over masks (the published set) and one bulkGet of those chunks: no cursor walks.
      const masks = await db.masks.toArray();
      const found = await db.chunks.bulkGet(masks.map((mask) => mask.chunkId));
      const generation = await this.generationInTransaction();
      const chunks: PublishedChunk[] = [];
      found.forEach((record, i) => {
        if (!record) return;
        const mask = masks[i];
        chunks.push({
          id: record.id,
          importId: record.importId,
          seq: record.seq,
          chunk: restoreEventChunk(record.chunk),
          hashes: record.hashes,
          mask: mask.mask,
          maskedRows: mask.maskedRows,
        });
      });
      chunks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { chunks, generation };
    });
  }

  async createImport(entry: ImportEntry): Promise<void> {
    await this.db.imports.add(entry);
  }

  async stageChunk(record: StoredChunk): Promise<void> {
    const stored = persistedChunk(record);
    if (this.stagedWriter?.available) await this.stagedWriter.write(stored);
    else await writeStagedChunk(this.db, stored, this.faults.stage);
  }

  async publishImport(plan: PublishPlan): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.chunks, db.masks, db.imports, db.settings], async () => {
      const entry = await db.imports.get(plan.importId);
      if (!entry || entry.status !== 'running') {
        throw new ImportConflictError(`Import ${plan.importId} is no longer running (${entry?.status ?? 'gone'})`);
      }
      const generation = await this.generationInTransaction();
      if (generation !== plan.expectedGeneration) {
        throw new ImportConflictError(`The store changed during import ${plan.importId}; nothing was written`);
      }
      const staged = await db.chunks.where('importId').equals(plan.importId).primaryKeys();
      const planned = new Set(plan.chunks.map((chunk) => chunk.id));
      if (staged.length !== planned.size || staged.some((id) => !planned.has(id))) {
        throw new ImportConflictError(`Staged chunks of import ${plan.importId} do not match what was staged`);
      }
      const ownIds = new Set(planned);
      const olderIds = [...plan.superseded.keys()].filter((id) => !ownIds.has(id));
      const olderMasks = await db.masks.bulkGet(olderIds);
      const masks = publishMasks(plan, new Map(olderIds.map((id, i) => [id, olderMasks[i]])));
      // Writing the import's masks is what publishes its chunks.
      const missing = plan.chunks.filter(({ id }) => !masks.some((mask) => mask.chunkId === id));
      if (missing.length) throw new Error(`Publish plan of ${plan.importId} has no mask for ${missing[0].id}`);
      await db.masks.bulkPut(masks);
      await db.imports.put({ ...entry, status: 'published', report: plan.report, error: null });
      await db.settings.put({ key: GENERATION_SETTING, value: generation + 1 });
      this.faults.publish?.(plan.importId);
      return generation + 1;
    });
  }

  async discardImport(importId: string, failure: string | null): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.chunks, db.imports], async () => {
      const entry = await db.imports.get(importId);
      if (entry && entry.status !== 'running') return;
      const staged = await db.chunks.where('importId').equals(importId).primaryKeys();
      await db.chunks.bulkDelete(staged);
      if (!entry) return;
      if (failure === null) await db.imports.delete(importId);
      else await db.imports.put({ ...entry, status: 'failed', error: failure });
    });
  }

  async cleanupLeftovers(liveImportIds: ReadonlySet<string>): Promise<string[]> {
    const { db } = this;
    return db.transaction('rw', [db.chunks, db.masks, db.imports], async () => {
      const running = await db.imports.where('status').equals('running').toArray();
      const abandoned = running.filter((entry) => !liveImportIds.has(entry.importId));
      const stagedIds = await this.unpublishedChunkIds();
      const keep = new Set(running.filter((entry) => liveImportIds.has(entry.importId)).map((entry) => entry.importId));
      // Chunk ids start with their import id; this also catches staged chunks with no entry at all.
      const doomed = stagedIds.filter((id) => !keep.has(id.slice(0, id.indexOf('/'))));
      await db.chunks.bulkDelete(doomed);
      await db.imports.bulkPut(abandoned.map((entry) => ({ ...entry, status: 'abandoned' as const })));
      return abandoned.map((entry) => entry.importId);
    });
  }

  async replaceChunk(change: ChunkReplacement): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.chunks, db.masks, db.settings], async () => {
      const generation = await this.generationInTransaction();
      if (generation !== change.expectedGeneration) {
        throw new ImportConflictError(`The store changed during compaction of ${change.oldChunkId}`);
      }
      const oldKeys = await db.chunks.where('id').equals(change.oldChunkId).primaryKeys();
      if (oldKeys.length === 0) throw new ImportConflictError(`Chunk ${change.oldChunkId} is gone`);
      await db.chunks.delete(change.oldChunkId);
      await db.masks.delete(change.oldChunkId);
      if (change.replacement) {
        const rows = change.replacement.chunk.meta.count;
        await db.chunks.add(persisted(change.replacement));
        await db.masks.put({ chunkId: change.replacement.id, rows, maskedRows: 0, mask: new Uint8Array(rows) });
      }
      await db.settings.put({ key: GENERATION_SETTING, value: generation + 1 });
      this.faults.compact?.(change.oldChunkId);
      return generation + 1;
    });
  }

  async listImports(): Promise<ImportEntry[]> {
    return this.db.imports.orderBy('createdAt').reverse().toArray();
  }

  async getImport(importId: string): Promise<ImportEntry | undefined> {
    return this.db.imports.get(importId);
  }

  async summary(): Promise<StorageSummary> {
    const { db } = this;
    return db.transaction('r', [db.chunks, db.masks, db.imports], async () => {
      // Masks carry each published chunk's row counts, so the heavy chunk records stay unread.
      const masks: StoredMask[] = await db.masks.toArray();
      const stagedChunks = (await db.chunks.count()) - masks.length;
      const imports = await db.imports.count();
      let rows = 0;
      let maskedRows = 0;
      for (const mask of masks) {
        rows += mask.rows;
        maskedRows += mask.maskedRows;
      }
      return { chunks: masks.length, stagedChunks, rows, liveRows: rows - maskedRows, maskedRows, imports };
    });
  }

  close(): void {
    this.db.close();
  }

  /** Ids of chunks without a mask record: staged, not (yet) published. Call inside a transaction. */
  private async unpublishedChunkIds(): Promise<string[]> {
    const [chunkIds, maskIds] = await Promise.all([this.db.chunks.toCollection().primaryKeys(), this.db.masks.toCollection().primaryKeys()]);
    const published = new Set(maskIds);
    return chunkIds.filter((id) => !published.has(id));
  }

  private async generationInTransaction(): Promise<number> {
    const setting = await this.db.settings.get(GENERATION_SETTING);
    return typeof setting?.value === 'number' ? setting.value : 0;
  }
}
