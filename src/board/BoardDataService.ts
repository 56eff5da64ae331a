import { buildEventSnapshot, type EventSnapshot, type LiveChunk } from './eventSnapshot.ts';

/** Where the board's events come from: the user's stored feeds, or synthetic demo data. */
export interface BoardDataSources {
  /** Published chunks from the store (empty when nothing was imported). */
  loadStoredChunks(): Promise<LiveChunk[]>;
  /** Synthetic demo chunks, used only while the store holds no events. */
  buildDemoChunks(now: number): LiveChunk[];
  now(): number;
}

/** What the board shows after a load. */
export interface BoardLoadResult {
  /** True when the events are synthetic demo data. */
  demo: boolean;
  snapshot: EventSnapshot;
}

/**
 * The board's data, held off the main thread: loads the stored columnar chunks (or the demo
 * set when the store is empty) and answers the board's questions from flat arrays.
 */
export class BoardDataService {
  private chunks: LiveChunk[] = [];
  private demo = false;

  constructor(private readonly sources: BoardDataSources) {}

  /** (Re)loads the events and returns the snapshot the map draws. */
  async load(): Promise<BoardLoadResult> {
    const stored = await this.sources.loadStoredChunks();
    const hasStoredEvents = stored.some(({ chunk }) => chunk.meta.count > 0);
    this.demo = !hasStoredEvents;
    this.chunks = hasStoredEvents ? stored : this.sources.buildDemoChunks(this.sources.now());
    return { demo: this.demo, snapshot: buildEventSnapshot(this.chunks) };
  }

  /** The chunks currently loaded (for the risk engine). */
  get liveChunks(): readonly LiveChunk[] {
    return this.chunks;
  }

  /** True while the loaded events are synthetic demo data. */
  get isDemo(): boolean {
    return this.demo;
  }
}
