import { describe, expect, it } from 'vitest';
import type { ImportEntry } from '../store/ImportEntry.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import { feedStatuses } from './feedStatus.ts';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 20, 4);
const counts = { rowsIn: 3, accepted: 3, updated: 0, unchanged: 0, stale: 0, rejected: 0, warnings: 0 };

function entry(feedName: string, createdAt: number, status: ImportEntry['status'] = 'published', error: string | null = null): ImportEntry {
  return {
    importId: `${feedName}-${createdAt}`,
    status,
    createdAt,
    feedName,
    source: null,
    format: 'csv',
    report: status === 'published' ? ({ finishedAt: createdAt + 1000, counts } as ImportEntry['report']) : null,
    error,
  };
}

function feed(url: string, lastFetchedAt: number | null, pollMinutes = 15): FeedSubscription {
  return { url, name: url.split('/').pop()!, pollMinutes, etag: null, lastModified: null, lastFetchedAt, enabled: true };
}

describe('feedStatuses', () => {
  it('flags a registered feed stale after two poll intervals without a fetch, and failing after a failed fetch', () => {
    const feeds = [feed('https://x.example/a.csv', NOW - 10 * MIN), feed('https://x.example/b.csv', NOW - 31 * MIN), feed('https://x.example/c.csv', NOW - 5 * MIN)];
    const imports = [entry('a.csv', NOW - 60 * MIN), entry('b.csv', NOW - 60 * MIN)];
    const failures = new Map([['https://x.example/c.csv', { at: NOW - MIN, message: 'HTTP 503' }]]);
    const statuses = feedStatuses(feeds, imports, failures, NOW);
    expect(statuses.map((s) => [s.name, s.health])).toEqual([
      ['a.csv', 'ok'],
      ['b.csv', 'stale'],
      ['c.csv', 'failing'],
    ]);
    expect(statuses[0].counts).toEqual(counts);
    expect(statuses[2].error).toBe('HTTP 503');
  });

  it('lists imported files newest first, failing when their latest import failed', () => {
    const imports = [entry('old.csv', NOW - 90 * MIN), entry('new.csv', NOW - 5 * MIN), entry('old.csv', NOW - 3 * MIN, 'failed', 'storage full')];
    const statuses = feedStatuses([], imports, new Map(), NOW);
    expect(statuses.map((s) => [s.name, s.health, s.error])).toEqual([
      ['old.csv', 'failing', 'storage full'],
      ['new.csv', 'ok', null],
    ]);
    expect(statuses[0].lastImportAt).toBe(NOW - 90 * MIN + 1000);
  });

  it('recovers once a later import succeeds, and says never for a feed not yet read', () => {
    const imports = [entry('a.csv', NOW - 9 * MIN, 'failed', 'bad'), entry('a.csv', NOW - 2 * MIN)];
    expect(feedStatuses([], imports, new Map(), NOW)[0].health).toBe('ok');
    expect(feedStatuses([feed('https://x.example/z.csv', null)], [], new Map(), NOW)[0].health).toBe('never');
  });
});
