import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import { isQuotaExceededError } from './isQuotaExceededError.ts';
import { KeyIndex } from './KeyIndex.ts';
import { recordContentHash } from './recordContentHash.ts';
import { StorageFullError } from './StorageFullError.ts';
import type { StoreBackend } from './StoreBackend.ts';
import { chunkIdFor } from './StoredChunk.ts';
import { decideUpsert, type UpsertOutcome } from './UpsertOutcome.ts';

/** What a store needs to know about a file before importing it. */
export interface ImportMeta {
  feedName: string;
  source: string | null;
  format: ImportReport['format'];
}

/** Per-outcome tallies of the records classified so far. */
export interface UpsertCounts {
  accepted: number;
  updated: number;
  unchanged: number;
  stale: number;
}

/** Where a session stands; everything but `open`, `sealed` and `publishing` is final. */
export type ImportSessionState = 'open' | 'sealed' | 'publishing' | 'published' | 'cancelled' | 'failed';

/**
 * How a session ended, reported once to the store that began it. After a publish the store owns
 * `overlay` (the keys this import placed) and may merge it into its index or adopt it outright.
 */
export type ImportSessionEnd =
  | { published: true; overlay: KeyIndex; expectedGeneration: number; generation: number }
  | { published: false };

/** Everything a store hands a new session. */
export interface ImportSessionInit {
  importId: string;
  meta: ImportMeta;
  /** Rows per chunk; every staged chunk but the last must be exactly this full. */
  chunkRows: number;
  /** The store's key index as of `generation`; read, never modified, by the session. */
  base: KeyIndex;
  generation: number;
  backend: StoreBackend;
  onEnd(end: ImportSessionEnd): void;
}

/**
 * The atomic import of one file. Call classify() on each batch of records and append the records
 * it marks `accepted` or `updated`, in order, to an EventChunkBuilder of `chunkRows` rows; stage()
 * each chunk as it fills (and the last one); then publish() once, or abort().
 *
 * Staged chunks are invisible to readers; publish() makes the whole import visible in one commit.
 * Any error from stage() or publish() ends the session and deletes what it staged, so nothing of
 * a failed or cancelled import is ever seen; quota errors surface as StorageFullError.
 *
 * The session classifies against the store's key index plus its own overlay of keys placed by
 * this import, so a key seen twice in one file follows the same rules against its earlier row.
 * The store's index only learns the overlay after a successful publish.
 */
export class ImportSession {
  readonly importId: string;
  readonly meta: ImportMeta;
  readonly chunkRows: number;
  private currentState: ImportSessionState = 'open';
  private readonly init: ImportSessionInit;
  private readonly overlay = new KeyIndex();
  private readonly superseded = new Map<string, number[]>();
  private readonly pendingHashes = new Map<number, Float64Array>();
  private readonly staged: { id: string; rows: number }[] = [];
  private readonly tally: UpsertCounts = { accepted: 0, updated: 0, unchanged: 0, stale: 0 };
  private placedRows = 0;
  /** Chunks handed to stage() so far (the next one's seq); the written ones are in `staged`. */
  private stageCalls = 0;
  private stagedRows = 0;
  /** stage() writes not yet settled (several may run at once), or the one publish(). */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The session's one ending as cancelled or failed, once it has begun. */
  private ending: Promise<void> | null = null;
  /** The error that failed the session, when a step failed. */
  private failure: { error: unknown } | null = null;

  constructor(init: ImportSessionInit) {
    this.init = init;
    this.importId = init.importId;
    this.meta = init.meta;
    this.chunkRows = init.chunkRows;
  }

  /** Current state. */
  get state(): ImportSessionState {
    return this.currentState;
  }

  /** Tallies of everything classified so far. */
  get counts(): UpsertCounts {
    return { ...this.tally };
  }

  /** Rows classified as accepted or updated, i.e. rows that must be staged before publish(). */
  get placed(): number {
    return this.placedRows;
  }

  /**
   * Classifies records in order and returns one outcome per record. Records marked `accepted` or
   * `updated` must then be appended, in this order, to the chunk being built.
   */
  classify(records: readonly FeedRecord[]): UpsertOutcome[] {
    if (this.currentState !== 'open') throw new Error(`classify() on a ${this.currentState} import`);
    const { base } = this.init;
    const { overlay, chunkRows, importId, tally } = this;
    // A fresh store's index is empty: skip its lookup (hashing a 1M-key Map miss is not free).
    const searchBase = base.size > 0;
    const outcomes = new Array<UpsertOutcome>(records.length);
    let chunkSeq = -1;
    let chunkOrdinal = -1;
    let hashes: Float64Array | undefined;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const { source, id } = record;
      const ownSlot = overlay.find(source, id);
      const index = ownSlot < 0 ? base : overlay;
      const slot = ownSlot < 0 ? (searchBase ? base.find(source, id) : -1) : ownSlot;
      let outcome: UpsertOutcome;
      let hash: number;
      if (slot < 0) {
        outcome = 'accepted';
        hash = recordContentHash(record);
      } else {
        const version = record.updated;
        const storedVersion = index.versionAt(slot);
        // A stale record is dropped unread, so only the others need their content hashed.
        hash = version < storedVersion ? 0 : recordContentHash(record);
        outcome = decideUpsert(storedVersion, index.hashAt(slot), version, hash);
      }
      outcomes[i] = outcome;
      tally[outcome]++;
      if (outcome === 'unchanged' || outcome === 'stale') continue;
      if (outcome === 'updated') this.supersede(index.chunkIdAt(slot), index.rowAt(slot));
      const placement = this.placedRows++;
      const seq = Math.floor(placement / chunkRows);
      const row = placement - seq * chunkRows;
      if (seq !== chunkSeq) {
        chunkSeq = seq;
        chunkOrdinal = overlay.internChunk(chunkIdFor(importId, seq));
        hashes = this.pendingHashes.get(seq);
        if (!hashes) {
          hashes = new Float64Array(chunkRows);
          this.pendingHashes.set(seq, hashes);
        }
      }
      hashes![row] = hash;
      overlay.write(ownSlot < 0 ? overlay.insert(source, id) : ownSlot, chunkOrdinal, row, record.updated, hash);
    }
    return outcomes;
  }

  /**
   * Writes the next chunk of this import, staged, in its own short transaction. It must hold the
   * next `chunkRows` placed records (fewer only for the last chunk, after which the session is
   * sealed: no more classify()). The chunk's place is fixed when stage() is called, so the next
   * chunk may be staged before this one's write has finished: IndexedDB then runs the two
   * transactions back to back, cloning one while it commits the other. Any failure fails the session.
   */
  async stage(chunk: EventChunk): Promise<void> {
    // A stage() racing a failed one reports that failure, not just that the session has ended.
    if (this.failure) throw this.failure.error;
    this.claim('stage', ['open']);
    const seq = this.stageCalls;
    const expected = Math.min(this.chunkRows, this.placedRows - seq * this.chunkRows);
    const rows = chunk.meta.count;
    if (expected <= 0 || rows !== expected) {
      await this.fail(new Error(`stage(): chunk ${seq} of import ${this.importId} has ${rows} rows; ${Math.max(0, expected)} expected`));
    }
    this.stageCalls++;
    if (rows < this.chunkRows) this.currentState = 'sealed';
    const id = chunkIdFor(this.importId, seq);
    const allHashes = this.pendingHashes.get(seq)!;
    this.pendingHashes.delete(seq);
    const hashes = rows === this.chunkRows ? allHashes : allHashes.slice(0, rows);
    await this.run(async () => {
      await this.init.backend.stageChunk({ id, importId: this.importId, seq, status: 'staged', chunk, hashes });
      this.staged.push({ id, rows });
      this.stagedRows += rows;
    });
  }

  /**
   * Makes the import visible in one short commit: this import's chunks become published, the rows
   * it superseded are masked, `report` is stored. Requires every placed row staged and the report's
   * outcome counts to match the session's.
   */
  async publish(report: ImportReport): Promise<void> {
    this.claim('publish', ['open', 'sealed']);
    if (this.inFlight.size > 0) throw new Error('publish() while a stage() is running; wait for every stage() first');
    this.currentState = 'publishing';
    const expectedGeneration = this.init.generation;
    let generation = expectedGeneration;
    await this.run(async () => {
      if (this.stagedRows !== this.placedRows) {
        throw new Error(`publish(): ${this.placedRows - this.stagedRows} classified rows of import ${this.importId} were never staged`);
      }
      if (report.importId !== this.importId) throw new Error(`publish(): report of ${report.importId} given to import ${this.importId}`);
      for (const outcome of ['accepted', 'updated', 'unchanged', 'stale'] as const) {
        if (report.counts[outcome] !== this.tally[outcome]) {
          throw new Error(`publish(): report counts ${report.counts[outcome]} ${outcome}, the import classified ${this.tally[outcome]}`);
        }
      }
      generation = await this.init.backend.publishImport({
        importId: this.importId,
        expectedGeneration,
        chunks: this.staged.slice().sort((a, b) => (a.id < b.id ? -1 : 1)),
        superseded: this.superseded,
        report,
      });
      // Set within the step, so an abort() waiting for the step sees the import published.
      this.currentState = 'published';
    });
    this.init.onEnd({ published: true, overlay: this.overlay, expectedGeneration, generation });
  }

  /**
   * Stops the import and deletes its staged chunks. Without `failure` it is a cancellation and the
   * import's entry goes too, as if it never began; with one, the entry stays, marked `failed` with
   * that message. Safe to call at any time and more than once; a no-op once the session has ended.
   * Never rejects: if the cleanup itself fails, cleanupLeftovers() finishes it on the next open.
   */
  async abort(failure?: string): Promise<void> {
    await this.settled();
    if (this.currentState === 'published') return;
    await this.end(failure === undefined ? 'cancelled' : 'failed', failure ?? null);
  }

  private claim(operation: string, allowed: ImportSessionState[]): void {
    if (!allowed.includes(this.currentState)) throw new Error(`${operation}() on a ${this.currentState} import`);
  }

  /** Waits until no stage() or publish() step is running. */
  private async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Runs a step; on any error ends the session as failed (deleting staged chunks, once every other
   * running step has settled) and rethrows. Several stage() steps may run at once; the first error
   * ends the session, later ones are only rethrown to their callers.
   */
  private async run(step: () => Promise<void>): Promise<void> {
    const running = step();
    this.inFlight.add(running);
    try {
      await running;
    } catch (error) {
      this.inFlight.delete(running);
      await this.fail(error);
    } finally {
      this.inFlight.delete(running);
    }
  }

  /** Ends the session as failed with `error` (quota errors become StorageFullError) and throws it. */
  private async fail(error: unknown): Promise<never> {
    const thrown = isQuotaExceededError(error) ? new StorageFullError(`the import of "${this.meta.feedName}"`, { cause: error }) : error;
    if (!this.ending) this.failure = { error: thrown };
    await this.end('failed', thrown instanceof Error ? thrown.message : String(thrown));
    throw thrown;
  }

  /**
   * Ends the session once: refuses further steps at once, waits for running steps to settle (a
   * write landing after the cleanup would outlive it), then deletes what was staged. Later calls
   * wait for the first one's cleanup.
   */
  private end(state: 'cancelled' | 'failed', failure: string | null): Promise<void> {
    this.ending ??= (async () => {
      this.currentState = state;
      await this.settled();
      try {
        await this.init.backend.discardImport(this.importId, failure);
      } catch {
        // Nothing staged is visible; the next cleanupLeftovers() deletes whatever remains.
      } finally {
        this.init.onEnd({ published: false });
      }
    })();
    return this.ending;
  }

  private supersede(chunkId: string, row: number): void {
    let rows = this.superseded.get(chunkId);
    if (!rows) {
      rows = [];
      this.superseded.set(chunkId, rows);
    }
    rows.push(row);
  }
}
