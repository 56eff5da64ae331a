import type { BoardQuery, PlaybackAnswer } from '../board/BoardQuery.ts';
import { advancePlayback, playbackStart, type PlaybackPlan } from '../timeline/playbackSchedule.ts';
import type { HistoryMode } from './ViewStore.svelte.ts';

/** What playback needs of the board: the worker's stepper, the view's query, and the view's T. */
export interface PlaybackDriver {
  /** The board worker's incremental stepper (BoardWorkerApi.step). */
  step(query: BoardQuery): Promise<PlaybackAnswer>;
  /** The current view's query with T = `time`. */
  queryAt(time: number, requestId: number): BoardQuery;
  /** Writes T into the view. */
  writeTime(time: number, history: HistoryMode): void;
  /** Animation frames (stand-ins in tests). */
  requestFrame?(callback: (now: number) => void): number;
  cancelFrame?(handle: number): void;
}

/**
 * How often playback writes T into the view (and so the URL) while it runs. Browsers limit
 * history writes (Chromium ignores them past 200 in 10 s, Safari throws past 100), and the URL
 * needs no more than a few a second: the timeline and the map show playback's own T.
 */
const WRITE_INTERVAL_MS = 500;

/**
 * Playback of T: every animation frame moves T on by the wall-clock time since the last one (at
 * the plan's speed, looping or stopping at its end) and, when the previous step has been answered,
 * asks the worker's stepper for the hotspots at the new T — one step in flight at a time, so a
 * slow step skips frames instead of queueing them. T goes into the view a few times a second:
 * the first write of a playback pushes a history entry (Back returns to where it started), the
 * rest replace it. stop() writes the last T; the board then asks one full answer.
 */
export class PlaybackController {
  playing = $state(false);
  /** The T playback is at (null before the first play). */
  time: number | null = $state(null);
  /** The latest step's answer; kept after a stop until the board's next full answer (forget()). */
  answer: PlaybackAnswer | null = $state.raw(null);
  /** Step answers shown since play was last pressed. */
  steps = $state(0);
  /** Step answers per second since play was last pressed. */
  stepsPerSecond = $state(0);
  error: string | null = $state(null);
  private plan: PlaybackPlan | null = null;
  private frame: number | null = null;
  private lastFrameAt: number | null = null;
  private inFlight = false;
  private requestId = 0;
  /** Bumped by every play and stop: answers of an earlier session are dropped. */
  private session = 0;
  private startedAt = 0;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private written = false;

  constructor(private readonly driver: PlaybackDriver) {}

  /** Starts playing `plan` from T = `current` (from the plan's start when `current` is outside it or at its end). */
  play(plan: PlaybackPlan, current: number): void {
    this.stop();
    this.session++;
    this.plan = plan;
    this.playing = true;
    this.error = null;
    this.time = playbackStart(plan, current);
    this.steps = 0;
    this.stepsPerSecond = 0;
    this.startedAt = performance.now();
    this.lastFrameAt = null;
    this.lastWriteAt = Number.NEGATIVE_INFINITY;
    this.written = false;
    this.schedule();
  }

  /** Changes speed, loop or range while playing (T carries on from where it is). */
  replan(plan: PlaybackPlan): void {
    if (!this.playing) return;
    this.plan = plan;
    if (this.time !== null && (this.time < plan.from || this.time > plan.to)) this.time = plan.from;
  }

  /** Stops playing and writes the last T into the view. Nothing happens when not playing. */
  stop(): void {
    if (!this.playing) return;
    this.playing = false;
    this.session++;
    if (this.frame !== null) this.cancelFrame(this.frame);
    this.frame = null;
    if (this.time !== null) this.write(this.time);
  }

  /** Drops the last step's answer (the board's full answer has replaced it). */
  forget(): void {
    if (!this.playing) this.answer = null;
  }

  private schedule(): void {
    this.frame = this.requestFrame((now) => this.onFrame(now));
  }

  private onFrame(now: number): void {
    this.frame = null;
    const plan = this.plan;
    if (!this.playing || plan === null || this.time === null) return;
    let ended = false;
    if (this.lastFrameAt !== null) {
      const next = advancePlayback(plan, this.time, now - this.lastFrameAt);
      this.time = next.time;
      ended = next.ended;
    }
    this.lastFrameAt = now;
    if (!this.inFlight) void this.sendStep(this.time);
    if (ended) {
      this.stop();
      return;
    }
    if (now - this.lastWriteAt >= WRITE_INTERVAL_MS) {
      this.lastWriteAt = now;
      this.write(this.time);
    }
    this.schedule();
  }

  private async sendStep(time: number): Promise<void> {
    const session = this.session;
    const requestId = ++this.requestId;
    this.inFlight = true;
    try {
      const answer = await this.driver.step(this.driver.queryAt(time, requestId));
      // A step that lands after a stop is dropped: the full answer the stop asks for may be here first.
      if (answer.cancelled || session !== this.session) return;
      this.answer = answer;
      this.steps++;
      this.stepsPerSecond = (this.steps * 1000) / Math.max(1, performance.now() - this.startedAt);
    } catch (error) {
      if (session !== this.session) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.stop();
    } finally {
      this.inFlight = false;
    }
  }

  private write(time: number): void {
    this.driver.writeTime(time, this.written ? 'replace' : 'push');
    this.written = true;
  }

  private requestFrame(callback: (now: number) => void): number {
    return this.driver.requestFrame ? this.driver.requestFrame(callback) : requestAnimationFrame(callback);
  }

  private cancelFrame(handle: number): void {
    if (this.driver.cancelFrame) this.driver.cancelFrame(handle);
    else cancelAnimationFrame(handle);
  }
}
