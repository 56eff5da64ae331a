import { cleanViewName, movedViewIds, nextViewPosition } from '../../briefing/savedViewOrder.ts';
import { MAX_NOTE_LENGTH } from '../../bundle/viewEntry.ts';
import type { SavedView } from '../../store/SavedView.ts';
import { restoreViewText } from '../../view/restoreViewState.ts';
import type { ViewState } from '../../view/ViewState.ts';
import type { BundleLocalStore } from './BundleLocalStore.ts';

/** A saved view as the list shows it: its name, note and place. */
export interface SavedViewItem {
  id: string;
  name: string;
  note: string;
  updatedAt: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function newViewId(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID()}`;
}

/**
 * The user's saved views, kept on this device (the `views` table), in the order they set: the
 * briefing sequence a bundle carries, which other features (the wall's playlists) may reuse.
 *
 * The API is small on purpose:
 * - `items` — the list in order (reactive);
 * - `refresh()` — re-reads it;
 * - `save(name, note, view)` — saves a view at the end of the list;
 * - `move(id, delta)`, `remove(id)` — reorder and delete;
 * - `stateOf(id)` — a saved view's state, through the one restore path (restoreViewText).
 */
export class SavedViews {
  items: SavedViewItem[] = $state.raw([]);
  /** The last storage failure, or null. */
  error: string | null = $state(null);
  private records: SavedView[] = [];

  constructor(private readonly store: () => Promise<BundleLocalStore>) {}

  async refresh(): Promise<void> {
    await this.guard(async () => this.take(await (await this.store()).listViews()));
  }

  /** Saves `view` under `name` (trimmed; refused when empty) with `note`, after every other view. */
  async save(name: string, note: string, view: ViewState): Promise<'saved' | 'nameRequired'> {
    const cleaned = cleanViewName(name);
    if (cleaned === null) return 'nameRequired';
    await this.guard(async () => {
      const store = await this.store();
      const existing = await store.listViews();
      const record: SavedView = {
        id: newViewId(),
        name: cleaned,
        note: [...note].slice(0, MAX_NOTE_LENGTH).join(''),
        state: JSON.stringify(view),
        updatedAt: Date.now(),
        position: nextViewPosition(existing),
      };
      await store.putViews([record]);
      this.take(await store.listViews());
    });
    return 'saved';
  }

  /** Moves a view `delta` places up (negative) or down the list. */
  async move(id: string, delta: number): Promise<void> {
    await this.guard(async () => {
      const store = await this.store();
      const views = await store.listViews();
      const order = movedViewIds(
        views.map((view) => view.id),
        id,
        delta,
      );
      await store.putViews(order.map((viewId, position) => ({ ...views.find((view) => view.id === viewId)!, position })));
      this.take(await store.listViews());
    });
  }

  async remove(id: string): Promise<void> {
    await this.guard(async () => {
      const store = await this.store();
      await store.deleteView(id);
      this.take(await store.listViews());
    });
  }

  /** The state of a saved view, restored as any view from outside is; null when it is gone. */
  stateOf(id: string): ViewState | null {
    const record = this.records.find((view) => view.id === id);
    return record === undefined ? null : restoreViewText(record.state).state;
  }

  private take(records: SavedView[]): void {
    this.records = records;
    this.items = records.map(({ id, name, note, updatedAt }) => ({ id, name, note: note ?? '', updatedAt }));
    this.error = null;
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}
