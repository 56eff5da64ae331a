import { Dexie, type Table } from 'dexie';
import type { FeedSubscription } from './FeedSubscription.ts';
import type { ImportEntry } from './ImportEntry.ts';
import type { SavedView } from './SavedView.ts';
import type { SettingEntry } from './SettingEntry.ts';
import type { StoredChunk } from './StoredChunk.ts';
import type { StoredMask } from './StoredMask.ts';
import { TIDEGATE_SCHEMA_V1, TIDEGATE_SCHEMA_V2, upgradeToV2 } from './tidegateSchema.ts';

/** Default IndexedDB database name. */
export const TIDEGATE_DATABASE_NAME = 'tidegate';

/** How to reach the database; tests pass a fresh fake-indexeddb factory. */
export interface TidegateDatabaseOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * Told when another connection (another tab, usually running a newer version of the app) needs to
 * upgrade or delete the database. This connection has already closed itself by then; the app
 * should tell the user to reload. `newVersion` is the Dexie schema version, null for a delete.
 */
export type VersionChangeListener = (notice: { newVersion: number | null }) => void;

/**
 * Told when opening or upgrading this database waits for another connection that does not close
 * (an old tab without a versionchange handler); the app should ask the user to close other tabs.
 */
export type BlockedListener = (notice: { oldVersion: number; newVersion: number | null }) => void;

/**
 * The app's IndexedDB database (Dexie). Tables: `chunks` (StoredChunk), `masks` (StoredMask),
 * `imports` (ImportEntry), `feeds` (FeedSubscription), `settings` (SettingEntry) and, since
 * schema version 2, `views` (SavedView).
 *
 * On `versionchange` it closes itself at once, so an upgrade in another tab never waits on this
 * one, and tells onVersionChange listeners; it never reopens by itself afterwards.
 */
export class TidegateDatabase extends Dexie {
  declare chunks: Table<StoredChunk, string>;
  declare masks: Table<StoredMask, string>;
  declare imports: Table<ImportEntry, string>;
  declare feeds: Table<FeedSubscription, string>;
  declare settings: Table<SettingEntry, string>;
  declare views: Table<SavedView, string>;

  /** True once this connection closed because another one upgraded or deleted the database. */
  closedByVersionChange = false;

  private readonly versionChangeListeners = new Set<VersionChangeListener>();
  private readonly blockedListeners = new Set<BlockedListener>();

  constructor(options: TidegateDatabaseOptions = {}) {
    super(options.name ?? TIDEGATE_DATABASE_NAME, {
      // Only pass what was given: an explicit undefined would override Dexie's global defaults.
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(TIDEGATE_SCHEMA_V1);
    this.version(2).stores(TIDEGATE_SCHEMA_V2).upgrade(upgradeToV2);

    // Returning false stops Dexie's default handler, which would close with auto-reopen enabled
    // and so let this tab silently reopen an upgraded database with its old schema.
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.closedByVersionChange = true;
      this.close();
      const newVersion = event.newVersion ? event.newVersion / 10 : null;
      for (const listener of this.versionChangeListeners) listener({ newVersion });
      return false;
    });
    this.on('blocked', (event: IDBVersionChangeEvent) => {
      const notice = { oldVersion: event.oldVersion / 10, newVersion: event.newVersion ? event.newVersion / 10 : null };
      for (const listener of this.blockedListeners) listener(notice);
      return this.blockedListeners.size === 0 ? undefined : false;
    });
  }

  /** Subscribes to "another connection needs a new schema: reload". Returns the unsubscriber. */
  onVersionChange(listener: VersionChangeListener): () => void {
    this.versionChangeListeners.add(listener);
    return () => this.versionChangeListeners.delete(listener);
  }

  /** Subscribes to "opening is blocked by another connection". Returns the unsubscriber. */
  onBlocked(listener: BlockedListener): () => void {
    this.blockedListeners.add(listener);
    return () => this.blockedListeners.delete(listener);
  }
}
