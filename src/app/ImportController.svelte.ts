import * as Comlink from 'comlink';
import type { SignerTrustRule } from '../bundle/checkSignerTrust.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { FeedImportProgress } from '../importing/FeedImportProgress.ts';
import type { FeedImportSettings } from '../importing/importFeedStream.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';
import type { StorageSummary } from '../store/StorageSummary.ts';
import type { ImportWorkerApi } from '../../workers/importWorkerApi.ts';

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

/** What the import controller tells the rest of the board. */
export interface ImportEvents {
  /** An import of this page published (or a store message arrived meanwhile): reload the data. */
  storeChanged(): Promise<void>;
  /** Remembers an import of this page, so its cross-tab message is not acted on twice. */
  ownImport(importId: string): void;
  /** True while this page runs imports (cross-tab messages then wait for them). */
  setOwnImportsRunning(running: number): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function normalizedUrl(url: string): string {
  return URL.parse(url)?.href ?? url;
}

/**
 * Imports and feeds of the board: files one after another (each atomic), feed URLs fetched
 * conditionally and polled on their interval, the stored import history and storage figures.
 * Parsing and storage happen in the import worker; this holds what the panels show.
 */
export class ImportController {
  progress: FeedImportProgress | null = $state.raw(null);
  outcomes: ImportOutcome[] = $state.raw([]);
  imports: ImportEntry[] = $state.raw([]);
  feeds: FeedSubscription[] = $state.raw([]);
  storage: StorageSummary | null = $state.raw(null);
  estimate: StorageEstimate | null = $state.raw(null);
  /** The import this page ran last (its data is what "fit to imported data" frames). */
  lastImportId: string | null = $state(null);
  /** The latest failure per feed URL or file name (cleared by the next success), for the feed status. */
  // Replaced whole on each change ($state.raw), so a plain Map is enough.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  failures: ReadonlyMap<string, { at: number; message: string }> = $state.raw(new Map());
  /** Settings every import of this page starts from (the board's currency rates); a feed's own settings win. */
  settings: FeedImportSettings = {};
  private running = 0;
  // Timers are bookkeeping, not state the UI renders: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pollTimers = new Map<string, ReturnType<typeof setInterval>>();

  constructor(
    private readonly importer: Comlink.Remote<ImportWorkerApi> | ImportWorkerApi,
    private readonly events: ImportEvents,
  ) {}

  private addOutcome(outcome: ImportOutcome, key: string = outcome.feedName): void {
    this.outcomes = [outcome, ...this.outcomes].slice(0, 50);
    this.noteAttempt(key, outcome.error);
  }

  /** Records how the latest attempt of a feed ended: an error, or none. */
  private noteAttempt(key: string, error: string | null): void {
    // A new map each time: the feed status derives from it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const failures = new Map(this.failures);
    if (error !== null) failures.set(key, { at: Date.now(), message: error });
    else failures.delete(key);
    this.failures = failures;
  }

  private begin(): (progress: FeedImportProgress) => void {
    this.events.setOwnImportsRunning(++this.running);
    return (progress) => (this.progress = progress);
  }

  private end(): void {
    this.progress = null;
    this.events.setOwnImportsRunning(--this.running);
  }

  /** Imports files one after another; each is atomic, and a bad one does not stop the rest. */
  async importFiles(files: readonly File[], settings: FeedImportSettings = this.settings): Promise<void> {
    for (const file of files) {
      const onProgress = this.begin();
      try {
        const report = await this.importer.importBlob(file.name, file, settings, Comlink.proxy(onProgress));
        this.events.ownImport(report.importId);
        this.lastImportId = report.importId;
        this.addOutcome({ feedName: file.name, report, error: null });
      } catch (error) {
        this.addOutcome({ feedName: file.name, report: null, error: messageOf(error) });
      } finally {
        this.end();
      }
      await this.afterImport(file.name);
    }
  }

  /**
   * Merges a briefing bundle into the store as one atomic import (ImportService.importBundle: it
   * is verified again, then classified by the feed upsert rules); shown like any file import.
   */
  async mergeBundle(file: File, request: { passphrase?: string } & SignerTrustRule): Promise<ImportOutcome> {
    const onProgress = this.begin();
    let outcome: ImportOutcome;
    try {
      const report = await this.importer.importBundle(file.name, file, request, Comlink.proxy(onProgress));
      this.events.ownImport(report.importId);
      this.lastImportId = report.importId;
      outcome = { feedName: file.name, report, error: null };
    } catch (error) {
      outcome = { feedName: file.name, report: null, error: messageOf(error) };
    } finally {
      this.end();
    }
    this.addOutcome(outcome);
    await this.afterImport(file.name);
    return outcome;
  }

  /** Cancels the running import; nothing of it is kept. */
  cancel(): void {
    void this.importer.cancel();
  }

  /** The CSV of a stored import report, for download. */
  reportCsv(importId: string): Promise<string> {
    return this.importer.reportCsv(importId);
  }

  /** Registers a feed URL and fetches it at once. */
  async addFeed(url: string, name: string, pollMinutes: number): Promise<void> {
    try {
      await this.importer.saveFeed({ url, name: name || url, pollMinutes, enabled: true });
      await this.refresh();
      this.schedulePolling();
      await this.pollFeed(normalizedUrl(url));
    } catch (error) {
      this.addOutcome({ feedName: url, report: null, error: messageOf(error) });
    }
  }

  async removeFeed(url: string): Promise<void> {
    await this.importer.deleteFeed(url);
    await this.refresh();
    this.schedulePolling();
  }

  /** Fetches one feed now (conditionally) and imports it if it changed. */
  async pollFeed(url: string): Promise<void> {
    const onProgress = this.begin();
    let imported = false;
    try {
      const result = await this.importer.pollFeed(url, Comlink.proxy(onProgress), this.settings);
      if (result.status === 'imported') {
        imported = true;
        this.events.ownImport(result.report.importId);
        this.lastImportId = result.report.importId;
        this.addOutcome({ feedName: result.report.feedName, report: result.report, error: null }, url);
      } else {
        this.noteAttempt(url, null);
      }
    } catch (error) {
      this.addOutcome({ feedName: url, report: null, error: messageOf(error) }, url);
    } finally {
      this.end();
    }
    if (imported) await this.afterImport(url);
    else await this.refresh();
  }

  /**
   * After an import: the board reloads and re-scores while this re-reads the panel's figures.
   * Neither waits on the other (a re-score can take seconds on a busy machine; the stored count is
   * known at once), and a reload that fails is reported without leaving the figures stale.
   */
  private async afterImport(feedName: string): Promise<void> {
    const settled = await Promise.allSettled([this.events.storeChanged(), this.refresh()]);
    for (const result of settled) {
      if (result.status === 'rejected') this.addOutcome({ feedName, report: null, error: messageOf(result.reason) });
    }
  }

  /** Re-reads the import history, feeds and storage figures. */
  async refresh(): Promise<void> {
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

  /** (Re)starts the poll timer of every enabled feed. */
  schedulePolling(): void {
    this.stopPolling();
    for (const feed of this.feeds) {
      if (!feed.enabled) continue;
      this.pollTimers.set(feed.url, setInterval(() => void this.pollFeed(feed.url), feed.pollMinutes * 60_000));
    }
  }

  stopPolling(): void {
    for (const timer of this.pollTimers.values()) clearInterval(timer);
    this.pollTimers.clear();
  }

  /** Asks once for persistent storage; browsers grant it silently or by heuristics. */
  requestPersistence(): void {
    void navigator.storage?.persist?.().then(() => this.refresh());
  }
}
