import type { ImportReport } from '../domain/ImportReport.ts';
import type { CellResolver } from '../events/CellResolver.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';
import { reportToCsv } from '../store/reportToCsv.ts';
import type { StorageSummary } from '../store/StorageSummary.ts';
import type { FeedImportProgress } from './FeedImportProgress.ts';
import { fetchFeedUrl } from './fetchFeedUrl.ts';
import { importFeedStream, type FeedImportSettings } from './importFeedStream.ts';

/** Name of the BroadcastChannel on which every tab hears that the stored events changed. */
export const STORE_CHANNEL_NAME = 'tidegate-store';

/** Message posted on STORE_CHANNEL_NAME after an import was published. */
export interface StoreChangedMessage {
  type: 'published';
  importId: string;
}

/** Result of polling one feed URL. */
export type FeedPollResult = { status: 'not-modified' } | { status: 'imported'; report: ImportReport };

/**
 * Imports files and feed URLs into the board's store, one at a time, and answers questions
 * about past imports. Runs in the import worker; the page only sees progress and reports.
 */
export class ImportService {
  private running: AbortController | null = null;

  constructor(
    private readonly store: DexieEventStore,
    private readonly announce: (message: StoreChangedMessage) => void,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    /** Computes H3 cells off the import thread (the chunk worker); null computes them in this thread. */
    private readonly cells: CellResolver | null = null,
  ) {}

  /** Imports one file or blob atomically; rejects (writing nothing) if it cannot be read. */
  async importBlob(
    name: string,
    blob: Blob,
    settings: FeedImportSettings,
    onProgress?: (progress: FeedImportProgress) => void,
  ): Promise<ImportReport> {
    return this.exclusive(async (signal) => {
      const report = await importFeedStream(this.store, {
        feedName: name,
        stream: blob.stream(),
        totalBytes: blob.size,
        settings,
        signal,
        onProgress,
        cells: this.cells ?? undefined,
      });
      this.announce({ type: 'published', importId: report.importId });
      return report;
    });
  }

  /** Fetches a feed URL conditionally and imports it when it changed; remembers ETag/Last-Modified. */
  async pollFeed(url: string, onProgress?: (progress: FeedImportProgress) => void): Promise<FeedPollResult> {
    const feed = await this.store.db.feeds.get(url);
    if (!feed) throw new Error(`No feed is registered for ${url}`);
    return this.exclusive(async (signal) => {
      const fetched = await fetchFeedUrl(feed, this.fetchImpl, signal);
      const fetchedAt = Date.now();
      if (fetched.status === 'not-modified') {
        await this.store.db.feeds.update(url, { lastFetchedAt: fetchedAt });
        return { status: 'not-modified' } as const;
      }
      const report = await importFeedStream(this.store, {
        feedName: feed.name || url,
        stream: fetched.stream,
        totalBytes: fetched.totalBytes,
        settings: feed.settings ?? {},
        signal,
        onProgress,
        cells: this.cells ?? undefined,
      });
      await this.store.db.feeds.update(url, { etag: fetched.etag, lastModified: fetched.lastModified, lastFetchedAt: fetchedAt });
      this.announce({ type: 'published', importId: report.importId });
      return { status: 'imported', report } as const;
    });
  }

  /** Cancels the running import, if any; the store stays exactly as it was. */
  cancel(): void {
    this.running?.abort(new DOMException('The import was cancelled', 'AbortError'));
  }

  listImports(): Promise<ImportEntry[]> {
    return this.store.listImports();
  }

  /** The stored report of an import as CSV (counts, then every rejected row and warning). */
  async reportCsv(importId: string): Promise<string> {
    const report = await this.store.getReport(importId);
    if (!report) throw new Error(`No report is stored for import ${importId}`);
    return reportToCsv(report, { bom: true });
  }

  storageSummary(): Promise<StorageSummary> {
    return this.store.storageSummary();
  }

  listFeeds(): Promise<FeedSubscription[]> {
    return this.store.db.feeds.toArray();
  }

  /** Adds or edits a feed URL; a changed URL starts without cached validators. */
  async saveFeed(feed: Pick<FeedSubscription, 'url' | 'name' | 'pollMinutes' | 'enabled'> & { settings?: FeedImportSettings }): Promise<void> {
    const url = new URL(feed.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('A feed URL must start with https:// or http://');
    const existing = await this.store.db.feeds.get(url.href);
    await this.store.db.feeds.put({
      etag: null,
      lastModified: null,
      lastFetchedAt: null,
      ...existing,
      ...feed,
      url: url.href,
      pollMinutes: Math.max(1, Math.round(feed.pollMinutes)),
    });
  }

  deleteFeed(url: string): Promise<void> {
    return this.store.db.feeds.delete(url);
  }

  private async exclusive<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running) throw new Error('Another import is running: wait for it or cancel it first.');
    const controller = new AbortController();
    this.running = controller;
    try {
      return await work(controller.signal);
    } finally {
      this.running = null;
    }
  }
}
