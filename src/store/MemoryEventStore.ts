import { ColumnarEventStore, type ColumnarEventStoreOptions } from './ColumnarEventStore.ts';
import { NO_LIVENESS } from './ImportLiveness.ts';
import { MemoryStoreBackend } from './MemoryStoreBackend.ts';
import type { StoreFaults } from './StoreFaults.ts';

/** Options of MemoryEventStore. */
export interface MemoryEventStoreOptions extends ColumnarEventStoreOptions {
  /** Failure injection for tests. */
  faults?: StoreFaults;
}

/**
 * An EventStore held in memory, with exactly the classification, staging and publishing rules of
 * DexieEventStore: for the CLI ("validate as if imported in order into an empty store") and tests.
 * Loaded chunks are the stored objects themselves: read them, never mutate or transfer them.
 */
export class MemoryEventStore extends ColumnarEventStore {
  constructor(options: MemoryEventStoreOptions = {}) {
    super(new MemoryStoreBackend(options.faults), { liveness: NO_LIVENESS, ...options });
  }
}
