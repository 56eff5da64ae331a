import { applyCells, type CellResolver } from '../events/CellResolver.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import type { ImportSession } from './ImportSession.ts';

/** Chunks a queue lets wait or write before add() waits for the oldest (bounds memory). */
export const DEFAULT_STAGING_DEPTH = 2;

/**
 * Stages the sealed chunks of one import session, in order, while the caller goes on parsing and
 * classifying: each chunk first gets its cells from the resolver (when its builder deferred them,
 * e.g. to the chunk worker), then waits for the previous chunk's stage() and is staged itself.
 * IndexedDB's write time and the cell computation thus overlap with parsing instead of adding up.
 *
 * At most `depth` chunks are pending; add() waits for the oldest beyond that. After the first
 * failure nothing more is staged, and add() and drain() reject with that failure. The session's own
 * rules are unchanged: a failed stage() ends it and deletes what it staged.
 */
export class ChunkStagingQueue {
  private readonly session: ImportSession;
  private readonly cells: CellResolver | null;
  private readonly depth: number;
  private readonly pending: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
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

  /** Queues the next chunk of the import; resolves once at most `depth` chunks are pending. */
  async add(chunk: EventChunk): Promise<void> {
    this.throwIfFailed();
    if (this.stopped) throw new Error('add() on a stopped staging queue');
    const cells = this.cells?.resolve(chunk.columns.lon, chunk.columns.lat);
    const previous = this.tail;
    const step = (async () => {
      const resolved = cells === undefined ? null : await cells;
      await previous;
      if (this.stopped || this.failure) return;
      if (resolved) applyCells(chunk, resolved);
      await this.session.stage(chunk);
    })().catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.tail = step;
    this.pending.push(step);
    while (this.pending.length > this.depth) await this.pending.shift();
    this.throwIfFailed();
  }

  /** Waits until every chunk added is staged; rejects with the first failure. */
  async drain(): Promise<void> {
    await this.tail;
    this.pending.length = 0;
    this.throwIfFailed();
  }

  /**
   * Stages nothing more and waits for a stage() already running. Resolves with the first failure
   * (the error that ended the session, which explains a later one better), or undefined. Never rejects.
   */
  async stop(): Promise<unknown> {
    this.stopped = true;
    await this.tail;
    this.pending.length = 0;
    return this.failure?.error;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
