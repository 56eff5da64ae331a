import { afterEach, describe, expect, it } from 'vitest';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import { NO_LIVENESS } from '../store/ImportLiveness.ts';
import { localImportLock } from '../store/ImportLock.ts';
import { openTestDexieStore } from '../store/storeTestSupport.ts';
import { ImportService } from './ImportService.ts';

describe('ImportService.saveFeed', () => {
  let store: DexieEventStore | null = null;
  afterEach(() => store?.close());

  async function service(): Promise<ImportService> {
    store = await openTestDexieStore({ liveness: NO_LIVENESS });
    return new ImportService(store, () => undefined, undefined, null, localImportLock());
  }

  it.each([
    ['ftp://feeds.example.org/a.csv', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['http://feeds.example.org/a.csv', /only accepted for this machine/],
    ['https://user:secret@feeds.example.org/a.csv', /user name or password/],
    ['not a url', /not a web address/],
    [`https://feeds.example.org/${'a'.repeat(3000)}`, /at most 2048/],
  ])('refuses %s with its reason and stores nothing', async (url, reason) => {
    const feeds = await service();
    await expect(feeds.saveFeed({ url, name: 'x', pollMinutes: 15, enabled: true })).rejects.toThrow(reason);
    expect(await feeds.listFeeds()).toEqual([]);
  });

  it('keeps https anywhere and plain http on this machine', async () => {
    const feeds = await service();
    await feeds.saveFeed({ url: 'https://feeds.example.org/a.csv', name: 'A', pollMinutes: 15, enabled: true });
    await feeds.saveFeed({ url: 'http://localhost:8080/b.csv', name: 'B', pollMinutes: 0.2, enabled: true });
    const saved = await feeds.listFeeds();
    expect(saved.map((feed) => [feed.url, feed.pollMinutes])).toEqual([
      ['http://localhost:8080/b.csv', 1],
      ['https://feeds.example.org/a.csv', 15],
    ]);
  });
});
