import { feedUrlProblem, feedUrlProblemText } from './feedUrlProblem.ts';
import type { SignerTrustRule } from '../bundle/checkSignerTrust.ts';
import { importBundle } from '../bundle/importBundle.ts';
import { readBundle } from '../bundle/readBundle.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { CellResolver } from '../events/CellResolver.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';
import { defaultImportLock, type ImportLock, localImportLock } from '../store/ImportLock.ts';
import { reportToCsv } from '../store/reportToCsv.ts';
import type { StorageSummary } from '../store/StorageSummary.ts';
import type { FeedImportProgress } from './FeedImportProgress.ts';
import { fetchFeedUrl } from './fetchFeedUrl.ts';
import { importFeedStream, type FeedImportSettings } from './importFeedStream.ts';
import { runImportInTurn } from './runImportInTurn.ts';
import type { StoreChangedMessage } from './storeChannel.ts';

export { STORE_CHANNEL_NAME, type StoreChangedMessage } from './storeChannel.ts';

/** Result of polling one feed URL. */
export type FeedPollResult = { status: 'not-modified' } | { status: 'imported'; report: ImportReport };

/** Receives progress; through Comlink a call returns a promise that settles once the page has it. */
export type ImportProgressListener = (progress: FeedImportProgress) => unknown;

/**
 * Imports files and feed URLs into the board's store, one at a time, and answers questions
 * about past imports. Runs in the import worker; the page only sees progress and reports.
 *
 * Imports take turns twice over: this service's own calls queue in order (a poll that comes due
 * during a file import waits for it), and every import then waits for the store's import turn
 * (`lock`: Web Locks, shared with every other tab), showing the `waiting` phase meanwhile. A
 * conflict that still happens is retried (runImportInTurn).
 */
export class ImportService {
  private readonly ownTurn = localImportLock();
  private readonly tickets = new Set<ImportTicket>();

  constructor(
    private readonly store: DexieEventStore,
    private readonly announce: (message: StoreChangedMessage) => void,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    /** Computes H3 cells off the import thread (the chunk worker); null computes them in this thread. */
    private readonly cells: CellResolver | null = null,
    /** The store's import turn, shared with other tabs where Web Locks exist. */
    private readonly lock: ImportLock = defaultImportLock(),
  ) {}

  /**
   * Imports one file or blob atomically once it is this import's turn; rejects (writing nothing)
   * if it cannot be read, is cancelled, or conflicts with other imports on every attempt.
   */
  async importBlob(name: string, blob: Blob, settings: FeedImportSettings, onProgress?: ImportProgressListener): Promise<ImportReport> {
    return this.inTurn(name, blob.size, onProgress, async (signal, progress) => {
      const report = await importFeedStream(this.store, {
        feedName: name,
        stream: blob.stream(),
        totalBytes: blob.size,
        settings,
        signal,
        onProgress: progress,
        cells: this.cells ?? undefined,
      });
      this.announce({ type: 'published', importId: report.importId });
      return report;
    });
  }

  /**
   * Merges a briefing bundle into the store atomically once it is this import's turn: the file is
   * read and verified whole first (readBundle: every hash and the signature), then its records are
   * classified by the upsert rules of every feed (importBundle). A refused bundle rejects with the
   * refusal's reason and writes nothing, as does a cancel.
   */
  async importBundle(name: string, blob: Blob, request: { passphrase?: string } & SignerTrustRule, onProgress?: ImportProgressListener): Promise<ImportReport> {
    return this.inTurn(name, blob.size, onProgress, async (signal, progress) => {
      const startedAt = Date.now();
      progress({ feedName: name, bytesRead: 0, totalBytes: blob.size, rows: 0, rowsPerSecond: 0, phase: 'reading' });
      const read = await readBundle(new Uint8Array(await blob.arrayBuffer()), { passphrase: request.passphrase, trusted: request.trusted, requireTrusted: request.requireTrusted, signal });
      if (!read.ok) throw new Error(`The bundle was refused (${read.refusal.code}): ${read.refusal.message}`);
      const rows = read.contents.manifest.events.count;
      const rowsPerSecond = rows / Math.max(0.001, (Date.now() - startedAt) / 1000);
      progress({ feedName: name, bytesRead: blob.size, totalBytes: blob.size, rows, rowsPerSecond, phase: 'publishing' });
      const report = await importBundle(this.store, name, read.contents, { signal, cells: this.cells ?? undefined });
      this.announce({ type: 'published', importId: report.importId });
      return report;
    });
  }

  /**
   * Fetches a feed URL conditionally and imports it when it changed; remembers ETag/Last-Modified.
   * The fetch too waits for the import turn, so it sends the validators of the latest import of
   * the feed, whichever tab ran it. `defaults` (the page's settings, such as its currency rates)
   * apply where the feed's own settings say nothing.
   */
  async pollFeed(url: string, onProgress?: ImportProgressListener, defaults: FeedImportSettings = {}): Promise<FeedPollResult> {
    const registered = await this.store.db.feeds.get(url);
    if (!registered) throw new Error(`No feed is registered for ${url}`);
    return this.inTurn(registered.name || url, 0, onProgress, async (signal, progress) => {
      const feed = await this.store.db.feeds.get(url);
      if (!feed) throw new Error(`No feed is registered for ${url}`);
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
        settings: { ...defaults, ...feed.settings, rates: { ...defaults.rates, ...feed.settings?.rates } },
        signal,
        onProgress: progress,
        cells: this.cells ?? undefined,
      });
      await this.store.db.feeds.update(url, { etag: fetched.etag, lastModified: fetched.lastModified, lastFetchedAt: fetchedAt });
      this.announce({ type: 'published', importId: report.importId });
      return { status: 'imported', report } as const;
    });
  }

  /**
   * Cancels this service's imports, the running one and any waiting for their turn (which give up
   * their place); the store stays exactly as it was. The one on show turns to `cancelling` until
   * its staged chunks are deleted.
   */
  cancel(): void {
    for (const ticket of this.tickets) ticket.cancel();
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
    const problem = feedUrlProblem(feed.url);
    if (problem !== null) throw new Error(`Feed URL refused: ${feedUrlProblemText(problem)}`);
    const url = new URL(feed.url);
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

  /**
   * Runs `work` once it is this import's turn, first among this service's calls, then in the
   * store's import turn; a conflicting attempt is run again. Staged leftovers of an import that
   * held the turn before and died (a closed tab) are cleaned up before classifying. The last
   * progress report reaches the page before the import settles.
   */
  private async inTurn<T>(
    feedName: string,
    totalBytes: number,
    onProgress: ImportProgressListener | undefined,
    work: (signal: AbortSignal, onProgress: (progress: FeedImportProgress) => void) => Promise<T>,
  ): Promise<T> {
    const ticket = new ImportTicket(onProgress);
    this.tickets.add(ticket);
    try {
      const releaseOwnTurn = await this.ownTurn.acquire({ signal: ticket.signal });
      try {
        const waiting: FeedImportProgress = { feedName, bytesRead: 0, totalBytes, rows: 0, rowsPerSecond: 0, phase: 'waiting' };
        return await runImportInTurn(this.lock, { signal: ticket.signal, onWait: () => ticket.report(waiting) }, async ({ waited }) => {
          // Best effort: what a failed cleanup leaves, the next start of the board deletes.
          if (waited) await this.store.cleanupLeftovers().catch(() => undefined);
          return work(ticket.signal, (progress) => ticket.report(progress));
        });
      } finally {
        releaseOwnTurn();
      }
    } finally {
      this.tickets.delete(ticket);
      await ticket.close();
    }
  }
}

/**
 * One import call of the service: its cancel switch and its progress line to the page. After a
 * cancel only the `cancelling` report gets through, so a report already under way cannot show the
 * import reading again.
 */
class ImportTicket {
  private readonly controller = new AbortController();
  private shown: FeedImportProgress | null = null;
  private delivered: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly listener: ImportProgressListener | undefined) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  report(progress: FeedImportProgress): void {
    if (this.closed || this.controller.signal.aborted) return;
    this.send(progress);
  }

  cancel(): void {
    if (this.controller.signal.aborted) return;
    if (this.shown && !this.closed) this.send({ ...this.shown, phase: 'cancelling' });
    this.controller.abort(new DOMException('The import was cancelled', 'AbortError'));
  }

  /** Stops reporting and waits until the page has the last report. */
  async close(): Promise<void> {
    this.closed = true;
    await this.delivered;
  }

  private send(progress: FeedImportProgress): void {
    if (!this.listener) return;
    this.shown = progress;
    try {
      this.delivered = Promise.resolve(this.listener(progress)).catch(() => undefined);
    } catch {
      // A page that cannot take progress must not fail the import.
    }
  }
}
