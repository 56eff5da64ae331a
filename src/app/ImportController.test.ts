import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoFeedCsv } from '../demo/demoFeedCsv.ts';
import { generateDemoEvents } from '../demo/generateDemoEvents.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { ImportService } from '../importing/ImportService.ts';
import { localImportLock } from '../store/ImportLock.ts';
import { openTestDexieStore } from '../store/storeTestSupport.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import type { ImportWorkerApi } from '../../workers/protocol.ts';
import { ImportController, type ImportEvents } from './ImportController.svelte.ts';

const ROWS = 300;
const demo = generateDemoEvents({ seed: 9, count: ROWS, now: Date.UTC(2026, 5, 1), sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });
const feed = new File([[...demoFeedCsv(demo)].join('')], 'feed.csv', { type: 'text/csv' });

/** The board's side of an import: its reload is whatever the test makes it. */
function boardEvents(reload: () => Promise<void>): ImportEvents {
  return { storeChanged: reload, ownImport: () => undefined, setOwnImportsRunning: () => undefined };
}

describe('ImportController', () => {
  const stores: DexieEventStore[] = [];
  // Node has no navigator (the storage estimate is the browser's); a page without StorageManager.
  beforeEach(() => vi.stubGlobal('navigator', {}));
  afterEach(() => {
    vi.unstubAllGlobals();
    for (const store of stores.splice(0)) store.close();
  });

  /** What the import worker exposes (workers/importWorkerApi.ts), on a fake IndexedDB in this thread. */
  async function importer(): Promise<ImportWorkerApi> {
    const store = await openTestDexieStore();
    stores.push(store);
    return Object.assign(new ImportService(store, () => undefined, undefined, null, localImportLock()), { ping: async () => true as const });
  }

  it('shows the stored count while the board is still reloading, not after it', async () => {
    let finishReload!: () => void;
    const reloading = new Promise<void>((resolve) => (finishReload = resolve));
    const controller = new ImportController(await importer(), boardEvents(() => reloading));
    const imported = controller.importFiles([feed]);
    await vi.waitFor(() => expect(controller.storage?.liveRows).toBe(ROWS), { timeout: 10_000 });
    expect(controller.outcomes[0]?.report?.counts.accepted).toBe(ROWS);
    finishReload();
    await imported;
  });

  it('reports a reload that fails and still shows the store as it is', async () => {
    const controller = new ImportController(await importer(), boardEvents(() => Promise.reject(new Error('the data worker stopped'))));
    await controller.importFiles([feed, feed]);
    expect(controller.storage?.liveRows).toBe(ROWS);
    // Newest first: each file's report, then its reload's failure.
    expect(controller.outcomes.map((outcome) => outcome.error ?? `${outcome.report?.counts.accepted} accepted`)).toEqual([
      'the data worker stopped',
      '0 accepted',
      'the data worker stopped',
      `${ROWS} accepted`,
    ]);
  });
});
