import type { AlertItem, Viewport } from '../../board/BoardQuery.ts';
import { feedStatuses } from '../../board/feedStatus.ts';
import type { Camera, ViewState } from '../../view/ViewState.ts';
import { alertKey, AlertWatch } from '../../wall/AlertWatch.ts';
import { nextFailureStreaks, type FailureStreak } from '../../wall/failureStreaks.ts';
import { activePlaylist, type Playlist } from '../../wall/Playlist.ts';
import { keepLinkedPlaylist, linkedPlaylistId } from '../../wall/playlistEdits.ts';
import { decodePlaylistLink } from '../../wall/playlistLink.ts';
import { advanceCycle, cycleDeadline, cycleShown, interruptCycle, pinCycle, startCycle, type CycleShown, type CycleState, type CycleTiming } from '../../wall/wallCycle.ts';
import { raiseFault, resolveFault, visibleFaults, type WallFault, type WallFaultKind } from '../../wall/wallFaults.ts';
import { wallFeedLines, type WallFeedLine } from '../../wall/wallFeedHealth.ts';
import { quotaWarning, storageError } from '../../wall/wallStorageFaults.ts';
import { wallTiming, type WallTiming } from '../../wall/wallTiming.ts';
import { alertViewKey, wallShownView } from '../../wall/wallViews.ts';
import { Board } from '../Board.svelte.ts';
import { connectImports } from '../importClient.ts';
import { PlaylistBook } from './PlaylistBook.svelte.ts';
import { RestartableBoardData } from './RestartableBoardData.ts';
import { wallViewEnvironment } from './wallViewEnvironment.ts';
import type { WallGraphics } from './WallMap.ts';

/** How a wall was opened. */
export interface WallStart {
  /** The test time scale (`wallTest`), or null on a real wall. */
  testTimeScale: number | null;
  /** The `playlist` value the opening link carried, read before the address is rewritten. */
  playlistLink: string | null;
}

/** The graphics state the map reports. */
export type GraphicsState = WallGraphics;

/** Longest pause between two re-asks while T follows now, ms of real time (a wall's minute). */
const FOLLOW_NOW_MS = 60_000;
/** How often due feeds are looked for, ms of wall time. */
const POLL_CHECK_MS = 15_000;
/** The watchdog's pace at real time; a test time scale shortens it, never below the floors. */
const WATCH = { pingEveryMs: 5000, deadAfterMs: 30_000, minPingEveryMs: 1000, minDeadAfterMs: 10_000 };

/**
 * A wall display's runtime: the board (with a board worker that is restarted when it dies), this
 * device's playlists, the cycle through the active playlist with alert interruptions, unattended
 * feed polling on the wall's clock, the feeds' health and the faults the wall recovers from.
 * Everything is bounded: one timer per concern, maps that hold what is current only.
 */
export class WallController {
  readonly board: Board;
  readonly book = new PlaylistBook();
  readonly data: RestartableBoardData;
  readonly timeScale: number;
  /** The view the wall was opened with: shown when no playlist has items. */
  readonly base: ViewState;
  cycle: CycleState = $state.raw(startCycle(Date.now()));
  now = $state(Date.now());
  faults: WallFault[] = $state.raw([]);
  graphics: GraphicsState = $state.raw({ lost: false, losses: 0, recoveries: 0, lastBasemapMs: null, lastRecoveryMs: null, slowestBasemapMs: null, slowestRecoveryMs: null });
  workerState: 'ok' | 'restarting' = $state('ok');
  /** The alert holding the wall, as the answer that raised it showed it. */
  heldAlert: AlertItem | null = $state.raw(null);
  /** How often the shown view changed, alerts interrupted, feeds were polled (for tests and the soak). */
  shownChanges = $state(0);
  interruptions = $state(0);
  polls = $state(0);
  // Replaced whole on each change ($state.raw), so a plain Map is enough.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private streaks: Map<string, FailureStreak> = $state.raw(new Map());
  private readonly watch: AlertWatch;
  /** Alerts that interrupted and still hold or wait, by key (dropped once they left the wall). */
  // Bookkeeping the UI never renders: plain Maps on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pendingAlerts = new Map<string, AlertItem>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly lastPolled = new Map<string, number>();
  private polling = false;
  private lastShownKey = '';
  private readonly stops: (() => void)[] = [];

  constructor(start: WallStart) {
    this.timeScale = start.testTimeScale ?? 1;
    const scale = this.timeScale;
    this.data = new RestartableBoardData(
      // The worker's address, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      () => new Worker(new URL('../../../workers/boardWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-board' }),
      {
        pingEveryMs: Math.max(WATCH.minPingEveryMs, WATCH.pingEveryMs / scale),
        deadAfterMs: Math.max(WATCH.minDeadAfterMs, WATCH.deadAfterMs / scale),
      },
      {
        onDown: (reason) => {
          this.workerState = 'restarting';
          this.fault('worker', true, reason);
        },
        onUp: () => {
          this.workerState = 'ok';
          this.fault('worker', false);
        },
        onRestartFailed: (reason) => this.fault('worker', true, reason),
      },
    );
    // The wall's views go under the wall's own storage key: the board's saved view stays the board's.
    this.board = new Board({ data: () => this.data.start(), imports: connectImports }, wallViewEnvironment());
    this.base = this.board.viewStore.view;
    this.watch = new AlertWatch(this.timing.forgetAlertsMs);
    if (start.playlistLink !== null) void this.keepLink(start.playlistLink);
  }

  /** The playlist the wall plays. */
  get playlist(): Playlist | null {
    return activePlaylist(this.book.record);
  }

  get timing(): WallTiming {
    return wallTiming(this.playlist, this.timeScale);
  }

  private cycleTiming(): CycleTiming {
    const playlist = this.playlist;
    const timing = this.timing;
    const items = playlist?.items ?? [];
    const pinned = playlist?.pinnedItemId == null ? -1 : items.findIndex((item) => item.id === playlist.pinnedItemId);
    return { count: items.length, cycleMs: timing.cycleMs, holdMs: timing.holdMs, pinnedIndex: pinned < 0 ? null : pinned };
  }

  /** What the cycle shows now. */
  get shown(): CycleShown {
    return cycleShown(this.cycle, this.cycleTiming());
  }

  /** The view on the wall now. */
  get view(): ViewState {
    const items = this.playlist?.items ?? [];
    const alert = this.heldAlert;
    return wallShownView(this.shown, items, this.cycle.index, this.base, alert, this.base.locale);
  }

  /** The faults to show now. */
  get visibleFaults(): WallFault[] {
    return visibleFaults(this.faults, this.now, this.timing.keepRecoveredMs);
  }

  /** Every feed as the strip shows it. */
  get feedLines(): WallFeedLine[] {
    const imports = this.board.imports;
    if (imports === null) return [];
    const timing = this.timing;
    const statuses = feedStatuses(imports.feeds, imports.imports, imports.failures, this.now);
    return wallFeedLines(statuses, imports.feeds, imports.imports, this.streaks, this.now, { pollMs: timing.pollMs, staleAfterMs: timing.staleAfterMs });
  }

  /** How many alert keys the watch remembers (bounded; the soak reads it). */
  get watchSize(): number {
    return this.watch.size + this.pendingAlerts.size;
  }

  private async keepLink(value: string): Promise<void> {
    const restored = await decodePlaylistLink(value);
    const linked = activePlaylist(restored.record);
    if (linked === null) return;
    this.book.save(keepLinkedPlaylist(this.book.record, linked, linkedPlaylistId(value)));
    this.restartCycle();
  }

  private restartCycle(): void {
    const pinned = this.cycleTiming().pinnedIndex;
    this.cycle = startCycle(Date.now(), pinned ?? 0);
  }

  /** Starts the board, the cycle, polling and the clocks; returns the function that stops them. */
  start(): () => void {
    void this.board.start().then(() => {
      // The wall polls on its own clock (a soak compresses it); the board's own timers stop.
      this.board.imports?.stopPolling();
      void this.pollDue();
    });
    const every = (ms: number, run: () => void) => {
      const timer = setInterval(run, ms);
      this.stops.push(() => clearInterval(timer));
    };
    every(1000, () => (this.now = Date.now()));
    every(Math.max(250, POLL_CHECK_MS / this.timeScale), () => void this.pollDue());
    every(Math.max(1000, FOLLOW_NOW_MS / this.timeScale), () => {
      if (this.view.model.at === null) void this.ask();
    });
    this.stops.push(this.book.follow());
    return () => {
      for (const stop of this.stops.splice(0)) stop();
      this.data.dispose();
    };
  }

  /** Moves the cycle on at `now` (the caller's timer fires at cycleDeadline). */
  advance(now = Date.now()): void {
    const next = advanceCycle(this.cycle, this.cycleTiming(), now);
    if (next !== this.cycle) this.setCycle(next);
  }

  /** When the cycle next changes what it shows (Infinity: not by itself). */
  deadline(): number {
    return cycleDeadline(this.cycle, this.cycleTiming());
  }

  private setCycle(next: CycleState): void {
    const before = this.cycle.interruption;
    this.cycle = next;
    const key = next.interruption?.key ?? null;
    if (key !== null && key !== before?.key) this.interruptions++;
    this.heldAlert = key === null ? null : (this.pendingAlerts.get(key) ?? null);
    // Alerts that left the wall and the queue are forgotten here (the watch keeps their keys).
    for (const pending of this.pendingAlerts.keys()) if (pending !== key && !next.queue.includes(pending)) this.pendingAlerts.delete(pending);
  }

  /** Pins the wall to item `index` or releases it; kept in the playlist. */
  pin(itemId: string | null): void {
    const playlist = this.playlist;
    if (playlist === null) return;
    const index = itemId === null ? null : playlist.items.findIndex((item) => item.id === itemId);
    this.setCycle(pinCycle(this.cycle, index === null || index < 0 ? null : index, Date.now()));
  }

  /**
   * Puts the shown view into the board's store and asks for it, when it changed. Called by the
   * wall component whenever `view` may have changed.
   */
  applyView(view: ViewState): boolean {
    const key = JSON.stringify(view);
    if (key === this.lastShownKey) return false;
    this.lastShownKey = key;
    this.shownChanges++;
    this.board.viewStore.set(view, 'replace');
    void this.ask();
    return true;
  }

  /** The map came to rest: the events layer wants the new viewport. */
  moved(_camera: Camera, viewport: Viewport): void {
    const before = this.board.viewport;
    if (before !== null && Math.abs(before.west - viewport.west) < 1e-6 && Math.abs(before.north - viewport.north) < 1e-6 && before.zoom === viewport.zoom) return;
    this.board.viewport = viewport;
    void this.ask();
  }

  private ask(): Promise<void> {
    if (this.board.status !== 'ready') return Promise.resolve();
    return this.board.ask();
  }

  /**
   * A new answer arrived: its alerts go through the watch (under the view they were asked for —
   * every view change asks at once, and only the latest question's answer is kept), and new ones
   * interrupt the cycle unless the playlist says otherwise.
   */
  answered(alerts: readonly AlertItem[], now = Date.now()): void {
    const keys = alerts.map(alertKey);
    const fresh = this.watch.observe(keys, alertViewKey(this.board.viewStore.view), now);
    if (fresh.length === 0 || this.playlist?.alertsInterrupt === false) return;
    for (const alert of alerts) {
      const key = alertKey(alert);
      if (fresh.includes(key)) this.pendingAlerts.set(key, alert);
    }
    this.advance(now);
    this.setCycle(interruptCycle(this.cycle, fresh, this.timing.holdMs, now));
  }

  /** Feeds failing in a row, after the import controller's failures changed. */
  failuresChanged(failures: ReadonlyMap<string, { at: number }>): void {
    this.streaks = nextFailureStreaks(this.streaks, failures);
  }

  /** The map's graphics state changed. */
  graphicsChanged(state: GraphicsState): void {
    this.graphics = state;
    this.fault('graphics', state.lost);
  }

  /** Storage figures and errors changed. */
  storageChanged(): void {
    const imports = this.board.imports;
    const error = storageError(this.book.saveError, imports?.outcomes[0] ?? null);
    this.fault('storage', error !== null, error);
    const percent = quotaWarning(imports?.estimate ?? null);
    this.fault('quota', percent !== null, percent === null ? null : `${percent}%`);
  }

  private fault(kind: WallFaultKind, open: boolean, detail: string | null = null): void {
    const now = Date.now();
    const current = this.faults.find((fault) => fault.kind === kind);
    if (open) this.faults = raiseFault(this.faults, kind, now, detail);
    else if (current !== undefined && current.state !== 'recovered') this.faults = resolveFault(this.faults, kind, now);
  }

  /** Polls every enabled feed whose interval (on the wall's clock) has passed, one at a time. */
  private async pollDue(): Promise<void> {
    const imports = this.board.imports;
    if (imports === null || this.polling) return;
    this.polling = true;
    try {
      for (const feed of imports.feeds) {
        if (!feed.enabled) continue;
        const now = Date.now();
        if (now - (this.lastPolled.get(feed.url) ?? 0) < this.timing.pollMs(feed)) continue;
        this.lastPolled.set(feed.url, now);
        await imports.pollFeed(feed.url);
        this.polls++;
      }
      // Feeds removed meanwhile are forgotten.
      for (const url of this.lastPolled.keys()) if (!imports.feeds.some((feed) => feed.url === url)) this.lastPolled.delete(url);
    } finally {
      this.polling = false;
    }
  }

  /** Test hooks (only with the test time scale): crash the worker, register a feed. */
  testHooks(): Record<string, unknown> {
    return {
      crashWorker: () => this.data.crash(),
      addFeed: (url: string, name: string, pollMinutes: number) => this.board.imports?.addFeed(url, name, pollMinutes),
      restarts: () => this.data.restarts,
      watchSize: () => this.watchSize,
    };
  }
}
