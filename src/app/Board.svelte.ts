import type { Remote } from 'comlink';
import type { BoardLoadResult } from '../board/BoardDataService.ts';
import type { Viewport } from '../board/BoardQuery.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import { linkedFeeds, type LinkedFeeds } from '../view/linkedFeeds.ts';
import type { ImportWorkerApi } from '../../workers/importWorkerApi.ts';
import { ImportController } from './ImportController.svelte.ts';
import { RiskClient, type AskOptions, type RiskService } from './RiskClient.svelte.ts';
import { StoreSync } from './StoreSync.ts';
import { pageViewEnvironment, ViewStore, type ViewEnvironment } from './ViewStore.svelte.ts';

/** What the board needs of its data worker. */
export interface BoardDataApi extends RiskService {
  /** Loads (or reloads) the stored events, or the demo set when the store is empty. */
  load(): Promise<BoardLoadResult>;
}

/** How the board reaches its workers (the real ones, or stand-ins). */
export interface BoardConnections {
  data(): Promise<Remote<BoardDataApi> | BoardDataApi>;
  imports(): Promise<Remote<ImportWorkerApi> | ImportWorkerApi>;
}

/** A translation function bound to the current language. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * The board's composition root: the view store (what the user sees), the risk client (answers of
 * the data worker, latest wins), the import controller (files and feeds) and the cross-tab store
 * sync, plus what the data worker loaded. Components get narrow pieces of it from App.svelte.
 */
export class Board {
  readonly viewStore: ViewStore;
  /** Feed URLs the opening link named, awaiting the user's yes or no (never fetched without it). */
  linkedFeeds: LinkedFeeds = $state.raw({ urls: [], refused: 0 });
  status: 'loading' | 'ready' | 'error' = $state('loading');
  errorMessage = $state('');
  dataset: BoardLoadResult | null = $state.raw(null);
  /** The map's current viewport (for the events layer); set by the map. */
  viewport: Viewport | null = $state.raw(null);
  risk: RiskClient | null = $state.raw(null);
  imports: ImportController | null = $state.raw(null);
  private data: Remote<BoardDataApi> | BoardDataApi | null = null;
  private sync: StoreSync | null = null;
  private reloading: Promise<void> | null = null;
  private reloadQueued = false;

  /** `viewEnvironment`: where the view store reads and writes the view (the page's own by default; the wall keeps its own key). */
  constructor(
    private readonly connections: BoardConnections,
    viewEnvironment: ViewEnvironment = pageViewEnvironment(),
  ) {
    // Read before the view store rewrites the address bar to the view alone.
    this.linkedFeeds = linkedFeeds(location.href);
    this.viewStore = new ViewStore(viewEnvironment);
  }

  /** Registers and fetches the feeds the opening link named (the user agreed). */
  async loadLinkedFeeds(): Promise<void> {
    const { urls } = this.linkedFeeds;
    this.linkedFeeds = { urls: [], refused: 0 };
    for (const url of urls) await this.imports?.addFeed(url, '', 15);
  }

  /** Forgets the feeds the opening link named (the user declined). */
  ignoreLinkedFeeds(): void {
    this.linkedFeeds = { urls: [], refused: 0 };
  }

  /** Translates a UI string in the view's language. */
  t: Translate = (key, values) => formatMessage(this.viewStore.view.locale, key, values);

  /** Connects to the workers, loads the events and asks the first question. */
  async start(): Promise<void> {
    try {
      // The first load does not wait for the import worker: the hotspots come first.
      const importerStarted = this.connections.imports();
      importerStarted.catch(() => undefined);
      const data = await this.connections.data();
      this.data = data;
      this.risk = new RiskClient(data);
      const sync = new StoreSync(() => this.reload().then(() => this.imports?.refresh()));
      this.sync = sync;
      // Listen before the first load: an import published in another tab meanwhile must not be missed.
      sync.start();
      const firstLoad = this.reload();
      const importer = await importerStarted.catch(async (error: unknown) => {
        // The board is reported broken only after the load has said its word (it sets the status).
        await firstLoad.catch(() => undefined);
        throw error;
      });
      this.imports = new ImportController(importer, {
        storeChanged: () => this.reload(),
        ownImport: (importId) => sync.ownImport(importId),
        setOwnImportsRunning: (running) => sync.setRunning(running),
      });
      await firstLoad;
      await this.imports.refresh();
      this.imports.schedulePolling();
      this.imports.requestPersistence();
    } catch (error) {
      this.status = 'error';
      this.errorMessage = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Reloads the stored events (after an import here or in another tab) and asks again. A call while
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
          await this.load();
        } while (this.reloadQueued);
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /**
   * Sends the load and, right behind it, the question about the current view: the worker answers
   * it as soon as the events are in, without waiting for this thread to hear that the load is done
   * (on first paint this thread is often held for a second by the map's first frames). The view's
   * own ask once the board is ready is the same question, and joins this one.
   */
  private async load(): Promise<void> {
    if (this.data === null) return;
    const loaded = this.data.load();
    this.risk?.dataChanged();
    const asked = this.ask();
    this.dataset = await loaded;
    this.status = 'ready';
    await asked;
  }

  /** Asks the data worker about the current view. */
  ask(options: AskOptions = {}): Promise<void> {
    return this.risk?.ask(this.viewStore.view, this.viewport, options) ?? Promise.resolve();
  }
}
