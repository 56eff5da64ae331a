import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../domain/ImportReport.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import { NO_LIVENESS } from '../store/ImportLiveness.ts';
import { localImportLock } from '../store/ImportLock.ts';
import { openTestDexieStore } from '../store/storeTestSupport.ts';
import type { FeedImportRequest, FeedImportSettings } from './importFeedStream.ts';
import { ImportService } from './ImportService.ts';

/** The settings each import was asked to parse with (the import itself is stood in for). */
const asked: (FeedImportSettings | undefined)[] = [];
vi.mock('./importFeedStream.ts', () => ({
  importFeedStream: async (_store: unknown, request: FeedImportRequest) => {
    asked.push(request.settings);
    return { importId: `import-${asked.length}` } as ImportReport;
  },
}));

const URL_A = 'https://feeds.example.org/a.csv';
const fetchFeed = (async () => new Response('id,source\n1,HK\n', { status: 200 })) as typeof fetch;

describe('ImportService.pollFeed with the page’s settings', () => {
  let store: DexieEventStore | null = null;
  afterEach(() => {
    store?.close();
    asked.length = 0;
  });

  async function serviceWith(settings: FeedImportSettings | undefined): Promise<ImportService> {
    store = await openTestDexieStore({ liveness: NO_LIVENESS });
    const service = new ImportService(store, () => undefined, fetchFeed, null, localImportLock());
    await service.saveFeed({ url: URL_A, name: 'A', pollMinutes: 15, enabled: true, settings });
    return service;
  }

  it('parses a feed with the page’s currency rates', async () => {
    const service = await serviceWith(undefined);
    await service.pollFeed(URL_A, undefined, { rates: { HKD: 0.5, MOP: 0.4 } });
    expect(asked).toEqual([{ rates: { HKD: 0.5, MOP: 0.4 } }]);
  });

  it('lets the feed’s own settings win, rate by rate', async () => {
    const service = await serviceWith({ feedSource: 'HK-C&ED', rates: { MOP: 0.9 } });
    await service.pollFeed(URL_A, undefined, { rates: { HKD: 0.5, MOP: 0.4 } });
    expect(asked).toEqual([{ feedSource: 'HK-C&ED', rates: { HKD: 0.5, MOP: 0.9 } }]);
  });

  it('without page settings, parses with the feed’s own as before', async () => {
    const service = await serviceWith({ feedCurrency: 'HKD' });
    await service.pollFeed(URL_A);
    expect(asked).toEqual([{ feedCurrency: 'HKD', rates: {} }]);
  });
});
