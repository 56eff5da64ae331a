import { applyCells, type CellResolver } from '../events/CellResolver.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import type { ImportSession } from './ImportSession.ts';

/**
 * Chunks a queue lets wait for cells or be written before add() waits for the oldest (bounds
 * memory to a few chunks). Overlapping writes let IndexedDB clone one chunk while it commits
 * another: one at a time, 20 chunks took ~1.5 s to store; with this depth ~0.9–1.2 s, and a 1M-row
 * import's thread waited ~0.02 s for room instead of ~0.5 s with a depth of two (bench, this
 * machine).
 */
export const DEFAULT_STAGING_DEPTH = 4;

/**
 * Stages the sealed chunks of one import session, in order, while the caller goes on parsing and
 * classifying: each chunk first gets its cells from the resolver (when its builder deferred them,
 * e.g. to the chunk worker), then is handed to stage() right after the previous chunk was — not
 * after its write finished, so up to `depth` writes overlap. IndexedDB's write time and the cell
 * computation thus overlap with parsing instead of adding up.
 *
 * At most `depth` chunks are pending; add() first waits for the oldest when there is no room.
 * After the first failure nothing more is staged, and add() and drain() reject with that failure.
 * The session's own rules are unchanged: a failed stage() ends it and deletes what it staged.
 */
export class ChunkStagingQueue {
  private readonly session: ImportSession;
  private readonly cells: CellResolver | null;
  private readonly depth: number;
  private readonly pending: Promise<void>[] = [];
  /** Settles once the last chunk added has been handed to stage() (or will never be). */
  private handedOver: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private stopped = false;

  /**
   * @param cells resolves the cells of every chunk added (built with `deferCells`); null when the
   *   builder computed them already.
   */
  constructor(session: ImportSession, cells: CellResolver | null, depth: number = DEFAULT_STAGING_DEPTH) {
    this.session = session;
    this.cells = cells;
    this.depth = Math.max(1, depth);
  }

  /** Queues the next chunk of the import once fewer than `depth` chunks are pending, and resolves. */
  async add(chunk: EventChunk): Promise<void> {
    this.throwIfFailed();
    if (this.stopped) throw new Error('add() on a stopped staging queue');
    while (this.pending.length >= this.depth) await this.pending.shift();
    this.throwIfFailed();
    const cells = this.cells?.resolve(chunk.columns.lon, chunk.columns.lat);
    const previous = this.handedOver;
    let handOver: () => void = () => undefined;
    this.handedOver = new Promise<void>((resolve) => (handOver = resolve));
    const step = (async () => {
      try {
        const resolved = cells === undefined ? null : await cells;
        await previous;
        if (this.stopped || this.failure) return;
        if (resolved) applyCells(chunk, resolved);
        const staging = this.session.stage(chunk);
        handOver();
        await staging;
      } finally {
        handOver();
      }
    })().catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.pending.push(step);
  }

  /** Waits until every chunk added is staged; rejects with the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
  }

  /**
   * Stages nothing more and waits for every stage() already running. Resolves with the first failure
   * (the error that ended the session, which explains a later one better), or undefined. Never rejects.
   */
  async stop(): Promise<unknown> {
    this.stopped = true;
    await this.settle();
    return this.failure?.error;
  }

  private async settle(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
