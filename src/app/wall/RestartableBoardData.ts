import * as Comlink from 'comlink';
import type { BoardLoadResult } from '../../board/BoardDataService.ts';
import type { BoardAnswer, BoardQuery, DetailsAnswer, DetailsQuery, PlaybackAnswer } from '../../board/BoardQuery.ts';
import type { BoardWorkerApi } from '../../../workers/protocol.ts';
import type { BoardDataApi } from '../Board.svelte.ts';
import { startWorker } from '../startWorker.ts';
import { Tripwire } from '../../scheduling/Tripwire.ts';

/** How the watchdog decides that the board worker is gone. */
export interface WorkerWatch {
  /** How often the worker is pinged, ms. */
  pingEveryMs: number;
  /** A ping unanswered for this long means the worker died (or hangs for good), ms. */
  deadAfterMs: number;
}

/** What the restartable connection tells the wall. */
export interface WorkerEvents {
  /** The worker was found dead; a new one is starting. */
  onDown(reason: string): void;
  /** A new worker answers and has loaded the data again. */
  onUp(): void;
  /** A restart failed; another is tried after a pause. */
  onRestartFailed(reason: string): void;
}

class WorkerDied extends Error {}

interface Generation {
  worker: Worker | null;
  remote: Comlink.Remote<BoardWorkerApi> | BoardWorkerApi;
  /** Trips with WorkerDied when this worker is declared dead: every call waiting on it fails then. */
  death: Tripwire;
}

/** A load (the whole store, or the demo set generated) may keep the worker from answering this many times longer. */
const LOADING_GRACE = 10;

/** Pause between failed restarts, ms. */
const RESTART_PAUSE_MS = 2000;

/**
 * The board worker behind a watchdog, for a wall that runs for days. It pings the worker; one that
 * stops answering (crashed, killed by the browser, or hung) is terminated and replaced, the new
 * one loads the stored events again, and every call that was waiting on the dead one is sent
 * again to the new one — so the board's pending query is answered instead of hanging forever.
 * Implements the board's data API, so the Board uses it like the plain worker.
 */
export class RestartableBoardData implements BoardDataApi {
  private generation: Generation | null = null;
  /** Resolves to the live generation; replaced while a restart runs. */
  private ready: Promise<Generation> | null = null;
  private loaded = false;
  private pinging = false;
  private lastAnswer = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Loads under way: a worker reading the whole store answers no ping meanwhile. */
  private loading = 0;
  /** Restarts done since the page opened. */
  restarts = 0;

  constructor(
    private readonly create: () => Worker,
    private readonly watch: WorkerWatch,
    private readonly events: WorkerEvents,
  ) {}

  /** Starts the first worker and the watchdog; resolves once the worker answers. */
  async start(): Promise<this> {
    this.ready = this.spawn();
    await this.ready;
    this.timer = setInterval(() => this.checkAlive(), this.watch.pingEveryMs);
    return this;
  }

  private async spawn(): Promise<Generation> {
    let worker: Worker | null = null;
    const remote = await startWorker<BoardWorkerApi>(
      'board',
      () => (worker = this.create()),
      async () => (await import('../../../workers/boardWorkerApi.ts')).createBoardWorkerApi(),
    );
    const generation: Generation = { worker, remote, death: new Tripwire() };
    this.generation = generation;
    this.lastAnswer = performance.now();
    return generation;
  }

  private checkAlive(): void {
    const generation = this.generation;
    if (generation === null || generation.worker === null || generation.death.tripped) return;
    if (this.pinging) {
      const deadAfter = this.loading > 0 ? this.watch.deadAfterMs * LOADING_GRACE : this.watch.deadAfterMs;
      if (performance.now() - this.lastAnswer > deadAfter) this.restart(generation, 'the board worker stopped answering');
      return;
    }
    this.pinging = true;
    void generation.death
      .guard(generation.remote.ping())
      .then(() => {
        if (this.generation === generation) this.lastAnswer = performance.now();
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.generation === generation) this.pinging = false;
      });
  }

  private restart(generation: Generation, reason: string): void {
    if (generation.death.tripped) return;
    generation.worker?.terminate();
    generation.death.trip(new WorkerDied(reason));
    const remote = generation.remote as Comlink.Remote<BoardWorkerApi>;
    remote[Comlink.releaseProxy]?.();
    this.pinging = false;
    this.events.onDown(reason);
    this.ready = this.respawn();
  }

  private async respawn(): Promise<Generation> {
    for (;;) {
      try {
        const generation = await this.spawn();
        if (this.loaded) {
          this.loading++;
          try {
            await generation.remote.load();
          } finally {
            this.loading--;
          }
        }
        this.restarts++;
        this.events.onUp();
        return generation;
      } catch (error) {
        this.events.onRestartFailed(error instanceof Error ? error.message : String(error));
        await new Promise((resolve) => setTimeout(resolve, RESTART_PAUSE_MS));
      }
    }
  }

  /** Runs `call` on the live worker; when that worker dies first, runs it again on the next one. */
  private async call<T>(call: (api: Comlink.Remote<BoardWorkerApi> | BoardWorkerApi) => Promise<T>): Promise<T> {
    for (;;) {
      if (this.ready === null) throw new Error('The board worker was not started');
      const generation = await this.ready;
      try {
        const result = await generation.death.guard(call(generation.remote));
        if (this.generation === generation) this.lastAnswer = performance.now();
        return result;
      } catch (error) {
        if (!(error instanceof WorkerDied)) throw error;
      }
    }
  }

  /** Test hook: ends the worker the way a crash would, without telling the watchdog. */
  crash(): void {
    this.generation?.worker?.terminate();
  }

  ping(): Promise<true> {
    return this.call((api) => api.ping());
  }

  async load(): Promise<BoardLoadResult> {
    this.loading++;
    try {
      const result = await this.call((api) => api.load());
      this.loaded = true;
      return result;
    } finally {
      this.loading--;
    }
  }

  boardQuery(query: BoardQuery): Promise<BoardAnswer> {
    return this.call((api) => api.boardQuery(query));
  }

  details(query: DetailsQuery): Promise<DetailsAnswer> {
    return this.call((api) => api.details(query));
  }

  step(query: BoardQuery): Promise<PlaybackAnswer> {
    return this.call((api) => api.step(query));
  }

  /** Stops the watchdog and the worker. */
  dispose(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.generation?.worker?.terminate();
  }
}
