import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CNY_RATES } from '../feeds/cnyRates.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import { NO_LIVENESS } from '../store/ImportLiveness.ts';
import { localImportLock } from '../store/ImportLock.ts';
import { openTestDexieStore } from '../store/storeTestSupport.ts';
import type { FeedImportSettings } from './importFeedStream.ts';
import { ImportService } from './ImportService.ts';

const URL_A = 'https://feeds.example.org/a.csv';
/** Three seizures of 100 each: in HKD, in MOP, and with no currency (the feed's own; CNY when it names none). No source column. */
const FEED = ['id,time,lon,lat,category,value,currency', 'R1,2026-03-01 10:00,113.5,22.5,narcotics,100,HKD', 'R2,2026-03-01 10:00,113.5,22.5,narcotics,100,MOP', 'R3,2026-03-01 10:00,113.5,22.5,narcotics,100,'].join('\n');
const fetchFeed = (async () => new Response(`${FEED}\n`, { status: 200 })) as typeof fetch;

/** What the store holds after the poll: each record's source and value in CNY (null when none), by id. */
async function stored(store: DexieEventStore): Promise<Record<string, { source: string; valueCny: number | null }>> {
  const rows: Record<string, { source: string; valueCny: number | null }> = {};
  for (const { chunk, mask } of await store.loadPublishedChunks()) {
    const strings = chunk.strings;
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask[row]) continue;
      const value = chunk.columns.valueCny[row];
      rows[strings.ids[row]] = { source: strings.sources[chunk.columns.source[row]], valueCny: Number.isNaN(value) ? null : value };
    }
  }
  return rows;
}

describe('ImportService.pollFeed with the page’s settings', () => {
  let store: DexieEventStore | null = null;
  afterEach(() => {
    store?.close();
    store = null;
  });

  async function pollWith(feedSettings: FeedImportSettings | undefined, pageSettings?: FeedImportSettings) {
    store = await openTestDexieStore({ liveness: NO_LIVENESS });
    const service = new ImportService(store, () => undefined, fetchFeed, null, localImportLock());
    await service.saveFeed({ url: URL_A, name: 'A', pollMinutes: 15, enabled: true, settings: feedSettings });
    const result = await service.pollFeed(URL_A, undefined, pageSettings);
    expect(result.status).toBe('imported');
    return stored(store);
  }

  it('parses a feed with the page’s currency rates', async () => {
    const rows = await pollWith({ feedSource: 'GACC-GD' }, { rates: { HKD: 0.5, MOP: 0.4 } });
    expect(rows).toEqual({
      R1: { source: 'GACC-GD', valueCny: 50 },
      R2: { source: 'GACC-GD', valueCny: 40 },
      // No currency in the row or the feed: CNY.
      R3: { source: 'GACC-GD', valueCny: 100 },
    });
  });

  it('lets the feed’s own settings win, rate by rate', async () => {
    const rows = await pollWith({ feedSource: 'HKCED', feedCurrency: 'HKD', rates: { MOP: 0.9 } }, { feedSource: 'GACC-GD', rates: { HKD: 0.5, MOP: 0.4 } });
    expect(rows).toEqual({
      R1: { source: 'HKCED', valueCny: 50 },
      R2: { source: 'HKCED', valueCny: 90 },
      R3: { source: 'HKCED', valueCny: 50 },
    });
  });

  it('without page settings, parses with the feed’s own and the default rates', async () => {
    const rows = await pollWith({ feedSource: 'MOCS', feedCurrency: 'MOP' });
    const mop = Math.round(100 * DEFAULT_CNY_RATES.MOP * 100) / 100;
    expect(rows).toEqual({
      R1: { source: 'MOCS', valueCny: Math.round(100 * DEFAULT_CNY_RATES.HKD * 100) / 100 },
      R2: { source: 'MOCS', valueCny: mop },
      R3: { source: 'MOCS', valueCny: mop },
    });
  });
});
