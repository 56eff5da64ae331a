import { ColumnarEventStore, type ColumnarEventStoreOptions } from './ColumnarEventStore.ts';
import { DexieStoreBackend } from './DexieStoreBackend.ts';
import type { StagedChunkWriter } from './StagedChunkWriter.ts';
import type { StoreFaults } from './StoreFaults.ts';
import { type BlockedListener, TidegateDatabase, type TidegateDatabaseOptions, type VersionChangeListener } from './TidegateDatabase.ts';

/** Options of DexieEventStore. */
export interface DexieEventStoreOptions extends TidegateDatabaseOptions, ColumnarEventStoreOptions {
  /** Failure injection for tests. */
  faults?: StoreFaults;
  /** Writes staged chunks through another connection (the chunk worker's); see StagedChunkWriter. */
  stagedWriter?: StagedChunkWriter;
}

/** The EventStore persisted in IndexedDB through TidegateDatabase. */
export class DexieEventStore extends ColumnarEventStore {
  /** The underlying database, also home of the feeds, settings and views tables. */
  readonly db: TidegateDatabase;

  /** Wraps an already constructed database; prefer DexieEventStore.open(). */
  constructor(db: TidegateDatabase, options: DexieEventStoreOptions = {}) {
    super(new DexieStoreBackend(db, options.faults, options.stagedWriter ?? null), options);
    this.db = db;
  }

  /**
   * Opens (creating or upgrading) the database and cleans up what interrupted imports left behind.
   * Register onVersionChange() right after, to tell the user to reload when another tab upgrades.
   */
  static async open(options: DexieEventStoreOptions = {}): Promise<DexieEventStore> {
    const db = new TidegateDatabase(options);
    await db.open();
    const store = new DexieEventStore(db, options);
    await store.cleanupLeftovers();
    return store;
  }

  /** See TidegateDatabase.onVersionChange: this store is closed, the app should reload. */
  onVersionChange(listener: VersionChangeListener): () => void {
    return this.db.onVersionChange(listener);
  }

  /** See TidegateDatabase.onBlocked. */
  onBlocked(listener: BlockedListener): () => void {
    return this.db.onBlocked(listener);
  }
}
