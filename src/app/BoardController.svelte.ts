import type { Remote } from 'comlink';
import * as Comlink from 'comlink';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locales.ts';
import type { EventSnapshot } from '../board/eventSnapshot.ts';
import type { RiskAnswer } from '../board/RiskQuery.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { FeedImportProgress } from '../importing/FeedImportProgress.ts';
import type { FeedImportSettings } from '../importing/importFeedStream.ts';
import { STORE_CHANNEL_NAME, type StoreChangedMessage } from '../importing/ImportService.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';
import type { StorageSummary } from '../store/StorageSummary.ts';
import type { BoardWorkerApi } from '../../workers/boardWorkerApi.ts';
import type { ImportWorkerApi } from '../../workers/importWorkerApi.ts';
import { connectBoardData } from './boardDataClient.ts';
import { connectImports } from './importClient.ts';
import { loadPreferences, savePreferences, type Theme } from './preferences.ts';
import { defaultRiskSettings, toRiskFilters, toRiskParams, type RiskSettings } from './riskSettings.ts';

/** One file's outcome in the import panel. */
export interface ImportOutcome {
  feedName: string;
  report: ImportReport | null;
  error: string | null;
}

/** The browser's storage figures shown on the board. */
export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

/**
 * The board's reactive state and the actions the components dispatch. Components read these
 * fields and call these methods; parsing, storage and scoring happen in the workers.
 */
export class BoardController {
  locale: Locale = $state('en');
  theme: Theme = $state('dark');
  demo = $state(false);
  status: 'loading' | 'ready' | 'error' = $state('loading');
  errorMessage = $state('');
  zoom = $state(7);
  snapshot: EventSnapshot | null = $state.raw(null);
  /** Instant the current answer was computed for. */
  evaluationTime = $state(Date.now());
  risk: RiskSettings = $state(defaultRiskSettings());
  answer: RiskAnswer | null = $state.raw(null);
  /** Source agencies present in the loaded data. */
  sources: string[] = $state.raw([]);
  /** Corners of an area being drawn on the map, or null when not drawing. */
  draftArea: [number, number][] | null = $state.raw(null);
  importProgress: FeedImportProgress | null = $state.raw(null);
  outcomes: ImportOutcome[] = $state([]);
  imports: ImportEntry[] = $state.raw([]);
  feeds: FeedSubscription[] = $state.raw([]);
  storage: StorageSummary | null = $state.raw(null);
  estimate: StorageEstimate | null = $state.raw(null);
  private data: Remote<BoardWorkerApi> | BoardWorkerApi | null = null;
  private importer: Remote<ImportWorkerApi> | ImportWorkerApi | null = null;
  private requestId = 0;
  private reloading: Promise<void> | null = null;
  private reloadQueued = false;
  /** Imports this page has running; their own reload follows, so their store messages are not needed. */
  private ownImportsRunning = 0;
  /** Ids of the latest imports this page ran and reloaded for (bounded), to skip their messages. */
  private readonly ownImportIds: string[] = [];
  /** A store message arrived while an own import ran (maybe another tab's): reload after it. */
  private storeChangedMeanwhile = false;
  // Timers are bookkeeping, not state the UI renders: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pollTimers = new Map<string, ReturnType<typeof setInterval>>();

  constructor() {
    const preferences = loadPreferences(location.href, localStorage, navigator.languages);
    this.locale = preferences.locale;
    this.theme = preferences.theme;
    this.applyDocumentPreferences();
  }

  /** Translates a UI string in the current locale. */
  t = (key: MessageKey, values?: Record<string, string | number>): string => formatMessage(this.locale, key, values);

  /** Connects to the workers, loads the events and answers the first risk query. */
  async start(): Promise<void> {
    try {
      [this.data, this.importer] = await Promise.all([connectBoardData(), connectImports()]);
      // Listen before the first load: an import published in another tab meanwhile must not be missed.
      const channel = new BroadcastChannel(STORE_CHANNEL_NAME);
      channel.onmessage = (event: MessageEvent<Partial<StoreChangedMessage>>) => {
        // This page's own import reloads once it returns: its message would only load it twice.
        if (this.ownImportIds.includes(event.data?.importId ?? '')) return;
        if (this.ownImportsRunning > 0) {
          this.storeChangedMeanwhile = true;
          return;
        }
        void this.reload().then(() => this.refreshImportState());
      };
      await this.reload();
      await this.refreshImportState();
      this.schedulePolling();
      this.requestPersistence();
    } catch (error) {
      this.status = 'error';
      this.errorMessage = messageOf(error);
    }
  }

  /**
   * Reloads the stored events (after an import here or in another tab) and re-scores. A call while
   * a reload runs queues one more after it (several calls, one more), and every caller's promise
   * settles when the store's latest state is loaded.
   */
  reload(): Promise<void> {
    if (this.reloading !== null) {
      this.reloadQueued = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      try {
        do {
          this.reloadQueued = false;
          await this.loadStore();
        } while (this.reloadQueued);
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  private async loadStore(): Promise<void> {
    if (!this.data) return;
    const result = await this.data.load();
    this.demo = result.demo;
    this.snapshot = result.snapshot;
    this.sources = result.sources;
    this.status = 'ready';
    await this.requestRisk();
  }

  /** Re-scores with the current settings; an answer overtaken by a newer request is dropped. */
  async requestRisk(): Promise<void> {
    if (!this.data) return;
    const requestId = ++this.requestId;
    const time = this.risk.at ?? (await this.data.defaultEvaluationTime());
    const answer = await this.data.query({
      requestId,
      params: toRiskParams($state.snapshot(this.risk), time),
      filters: toRiskFilters($state.snapshot(this.risk)),
    });
    if (answer.cancelled || requestId !== this.requestId) return;
    this.evaluationTime = time;
    this.answer = answer;
  }

  /** Changes model settings and re-scores. */
  updateRisk(change: Partial<RiskSettings>): void {
    this.risk = { ...this.risk, ...change };
    void this.requestRisk();
  }

  /** Starts drawing a map area; map clicks add corners. */
  startArea(): void {
    this.draftArea = [];
  }

  /** Adds a corner to the area being drawn. */
  addAreaCorner(lon: number, lat: number): void {
    if (this.draftArea) this.draftArea = [...this.draftArea, [lon, lat]];
  }

  /** Closes the drawn area and filters to it (three corners at least). */
  finishArea(): void {
    const area = this.draftArea;
    this.draftArea = null;
    if (area && area.length >= 3) this.updateRisk({ area });
  }

  /** Removes the area filter. */
  clearArea(): void {
    this.draftArea = null;
    this.updateRisk({ area: null });
  }

  /** Imports files one after another; each is atomic, and a bad one does not stop the rest. */
  async importFiles(files: readonly File[], settings: FeedImportSettings = {}): Promise<void> {
    if (!this.importer) return;
    for (const file of files) {
      const onProgress = (progress: FeedImportProgress) => (this.importProgress = progress);
      this.ownImportsRunning++;
      try {
        const report = await this.importer.importBlob(file.name, file, settings, Comlink.proxy(onProgress));
        this.rememberOwnImport(report.importId);
        this.outcomes = [{ feedName: file.name, report, error: null }, ...this.outcomes];
      } catch (error) {
        this.outcomes = [{ feedName: file.name, report: null, error: messageOf(error) }, ...this.outcomes];
      } finally {
        this.importProgress = null;
        this.ownImportsRunning--;
      }
      this.storeChangedMeanwhile = false;
      await this.reload();
    }
    await this.refreshImportState();
  }

  private rememberOwnImport(importId: string): void {
    this.ownImportIds.push(importId);
    if (this.ownImportIds.length > 32) this.ownImportIds.shift();
  }

  /** Cancels the running import; nothing of it is kept. */
  cancelImport(): void {
    void this.importer?.cancel();
  }

  /** The CSV of a stored import report, for download. */
  async reportCsv(importId: string): Promise<string> {
    if (!this.importer) throw new Error('Imports are not available');
    return this.importer.reportCsv(importId);
  }

  /** Registers a feed URL and fetches it at once. */
  async addFeed(url: string, name: string, pollMinutes: number): Promise<void> {
    if (!this.importer) return;
    try {
      await this.importer.saveFeed({ url, name: name || url, pollMinutes, enabled: true });
      await this.refreshImportState();
      this.schedulePolling();
      await this.pollFeed(normalizedUrl(url));
    } catch (error) {
      this.outcomes = [{ feedName: url, report: null, error: messageOf(error) }, ...this.outcomes];
    }
  }

  async removeFeed(url: string): Promise<void> {
    await this.importer?.deleteFeed(url);
    await this.refreshImportState();
    this.schedulePolling();
  }

  /** Fetches one feed now (conditionally) and imports it if it changed. */
  async pollFeed(url: string): Promise<void> {
    if (!this.importer) return;
    const onProgress = (progress: FeedImportProgress) => (this.importProgress = progress);
    this.ownImportsRunning++;
    let imported = false;
    try {
      const result = await this.importer.pollFeed(url, Comlink.proxy(onProgress));
      if (result.status === 'imported') {
        imported = true;
        this.rememberOwnImport(result.report.importId);
        this.outcomes = [{ feedName: result.report.feedName, report: result.report, error: null }, ...this.outcomes];
      }
    } catch (error) {
      this.outcomes = [{ feedName: url, report: null, error: messageOf(error) }, ...this.outcomes];
    } finally {
      this.importProgress = null;
      this.ownImportsRunning--;
    }
    try {
      if (imported || this.storeChangedMeanwhile) {
        this.storeChangedMeanwhile = false;
        await this.reload();
      }
    } catch (error) {
      this.outcomes = [{ feedName: url, report: null, error: messageOf(error) }, ...this.outcomes];
    }
    await this.refreshImportState();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.persist();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.persist();
  }

  private async refreshImportState(): Promise<void> {
    if (!this.importer) return;
    [this.imports, this.feeds, this.storage] = await Promise.all([
      this.importer.listImports(),
      this.importer.listFeeds(),
      this.importer.storageSummary(),
    ]);
    if (navigator.storage?.estimate) {
      const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
      this.estimate = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
    }
  }

  private schedulePolling(): void {
    for (const timer of this.pollTimers.values()) clearInterval(timer);
    this.pollTimers.clear();
    for (const feed of this.feeds) {
      if (!feed.enabled) continue;
      this.pollTimers.set(feed.url, setInterval(() => void this.pollFeed(feed.url), feed.pollMinutes * 60_000));
    }
  }

  private requestPersistence(): void {
    // Ask once; browsers grant it silently or by heuristics. The answer is shown with the estimate.
    void navigator.storage?.persist?.().then(() => this.refreshImportState());
  }

  private persist(): void {
    savePreferences({ locale: this.locale, theme: this.theme }, localStorage, history, location);
    this.applyDocumentPreferences();
  }

  private applyDocumentPreferences(): void {
    document.documentElement.lang = this.locale;
    document.documentElement.dataset.theme = this.theme;
    document.documentElement.style.colorScheme = this.theme;
  }
}

function normalizedUrl(url: string): string {
  return URL.parse(url)?.href ?? url;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
