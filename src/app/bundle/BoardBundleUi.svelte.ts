import { presentedView } from '../../briefing/briefingSteps.ts';
import { looksLikeBundle } from '../../bundle/looksLikeBundle.ts';
import type { BoardWorkerApi } from '../../../workers/protocol.ts';
import type { Board } from '../Board.svelte.ts';
import type { ImportController } from '../ImportController.svelte.ts';
import { printBriefing } from '../print/printBriefing.ts';
import { Briefing } from './Briefing.svelte.ts';
import { BundleExport } from './BundleExport.svelte.ts';
import { BundleKeys } from './BundleKeys.svelte.ts';
import type { BundleLocalStore } from './BundleLocalStore.ts';
import { BundleOpen } from './BundleOpen.svelte.ts';
import { SavedViews } from './SavedViews.svelte.ts';

/** The bundle dialogs; at most one is open. */
export type BundleDialog = 'views' | 'export' | 'keys' | 'open';

/** What the bundle features reach of the board. */
export interface BoardBundleConnections {
  board: Board;
  /** The board worker, once connected. */
  data(): BoardWorkerApi | null;
  imports(): ImportController | null;
}

/** Bytes read from the head of a dropped or chosen file to tell a bundle from a feed. */
const HEAD_BYTES = 64;

/**
 * Saved views, bundle export, keys, opening bundles and the briefing, as one piece the App mounts:
 * the controllers, which dialog is open, and the routing of files (a bundle, by its first bytes,
 * to the open dialog; anything else to the feed import). The page's database connection (saved
 * views and keys) opens on first use.
 */
export class BoardBundleUi {
  dialog: BundleDialog | null = $state(null);
  readonly views: SavedViews;
  readonly keys: BundleKeys;
  readonly exporter: BundleExport;
  readonly opener: BundleOpen;
  readonly briefing: Briefing;
  private local: Promise<BundleLocalStore> | null = null;

  constructor(private readonly connections: BoardBundleConnections) {
    const store = () => (this.local ??= import('./BundleLocalStore.ts').then(({ BundleLocalStore }) => BundleLocalStore.open()));
    const { board } = connections;
    this.views = new SavedViews(store);
    this.keys = new BundleKeys(store);
    this.briefing = new Briefing({ service: connections.data, views: board.viewStore, reload: () => board.reload(), print: printBriefing });
    this.exporter = new BundleExport({
      service: connections.data,
      view: () => board.viewStore.view,
      answerTime: () => board.risk?.answer?.time ?? null,
      demo: () => board.dataset?.demo ?? true,
      briefing: () => this.briefing.active,
      savedViews: () => this.views.items.map((item) => ({ id: item.id, note: item.note, state: this.views.stateOf(item.id) })),
      signer: () => this.keys.signer(),
    });
    this.opener = new BundleOpen({
      service: connections.data,
      trust: () => this.keys.trustRule(),
      merge: async (file, request) => {
        const imports = connections.imports();
        if (imports === null) return { feedName: file.name, report: null, error: 'the import worker is not ready' };
        return imports.mergeBundle(file, request);
      },
      brief: async (summary) => {
        this.dialog = null;
        await this.briefing.start(summary);
      },
    });
  }

  /** Opens a dialog, reading what it shows first. */
  async show(dialog: BundleDialog): Promise<void> {
    this.dialog = dialog;
    if (dialog === 'views') await this.views.refresh();
    else if (dialog === 'keys') await this.keys.refresh();
    else if (dialog === 'export') {
      await Promise.all([this.views.refresh(), this.keys.refresh()]);
      await this.exporter.prepare();
    }
  }

  /** Saves the board's current view at the end of the saved views. */
  saveCurrentView(name: string, note: string): Promise<'saved' | 'nameRequired'> {
    return this.views.save(name, note, this.connections.board.viewStore.view);
  }

  /** Opens a saved view through the one restore path, in the viewer's language and theme. */
  openSavedView(id: string): void {
    const state = this.views.stateOf(id);
    if (state === null) return;
    const store = this.connections.board.viewStore;
    store.open(presentedView(state, store.view, this.briefing.active ? 'briefing' : 'board'));
  }

  /** Closes the open dialog (forgetting a bundle that was only inspected). */
  close(): void {
    if (this.dialog === 'open') this.opener.close();
    this.dialog = null;
  }

  /** Opens a bundle file in the open dialog. */
  async openBundle(file: File): Promise<void> {
    await this.keys.refresh();
    this.dialog = 'open';
    await this.opener.open(file);
  }

  /**
   * Sends each file where it belongs: the first bundle (by content, whatever its name) to the open
   * dialog, feeds to `importFeeds`. Returns the feeds.
   */
  async route(files: readonly File[], importFeeds: (files: File[]) => void): Promise<void> {
    const heads = await Promise.all(files.map(async (file) => new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer())));
    const bundles = files.filter((_, i) => looksLikeBundle(heads[i]));
    const feeds = files.filter((_, i) => !looksLikeBundle(heads[i]));
    if (feeds.length > 0) importFeeds(feeds);
    if (bundles.length > 0) await this.openBundle(bundles[0]);
  }
}
