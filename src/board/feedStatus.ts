import type { ImportCounts } from '../domain/ImportReport.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';

/** How a feed stands: fresh, not refreshed for longer than expected, failing, or never read. */
export type FeedHealth = 'ok' | 'stale' | 'failing' | 'never';

/** One feed (a registered URL, or a file name imported by hand) as the status list shows it. */
export interface FeedStatus {
  name: string;
  /** The URL of a registered feed; null for files. */
  url: string | null;
  health: FeedHealth;
  /** When its data last changed the store (the last published import), epoch ms. */
  lastImportAt: number | null;
  /** Counts of that import. */
  counts: ImportCounts | null;
  /** When a registered feed was last fetched (changed or not), epoch ms. */
  lastFetchedAt: number | null;
  /** The reason of the latest failed attempt, when the latest attempt failed. */
  error: string | null;
}

/** A registered feed is stale once it has not been fetched for this many poll intervals. */
export const STALE_POLL_INTERVALS = 2;

/**
 * The status of every feed: registered URLs first (in their order), then files by their latest
 * import, newest first. A feed is failing when its latest attempt failed (`failures` holds the
 * latest failure per feed name or URL, e.g. of a fetch that never became an import), stale when a
 * registered URL has not been fetched for STALE_POLL_INTERVALS poll intervals.
 */
export function feedStatuses(
  feeds: readonly FeedSubscription[],
  imports: readonly ImportEntry[],
  failures: ReadonlyMap<string, { at: number; message: string }>,
  now: number,
): FeedStatus[] {
  const latestPublished = new Map<string, ImportEntry>();
  const latestAttempt = new Map<string, ImportEntry>();
  for (const entry of imports) {
    if (entry.status === 'running') continue;
    const attempt = latestAttempt.get(entry.feedName);
    if (attempt === undefined || entry.createdAt > attempt.createdAt) latestAttempt.set(entry.feedName, entry);
    if (entry.status !== 'published') continue;
    const published = latestPublished.get(entry.feedName);
    if (published === undefined || entry.createdAt > published.createdAt) latestPublished.set(entry.feedName, entry);
  }
  const statusOf = (name: string, key: string, url: string | null, lastFetchedAt: number | null, pollMinutes: number | null): FeedStatus => {
    const published = latestPublished.get(name) ?? (url !== null ? latestPublished.get(url) : undefined) ?? null;
    const attempt = latestAttempt.get(name) ?? (url !== null ? latestAttempt.get(url) : undefined) ?? null;
    const failure = failures.get(key) ?? null;
    const lastImportAt = published?.report?.finishedAt ?? published?.createdAt ?? null;
    const attemptFailed = attempt !== null && attempt.status !== 'published';
    const lastGood = Math.max(lastImportAt ?? -Infinity, lastFetchedAt ?? -Infinity);
    let error: string | null = null;
    if (failure !== null && failure.at > lastGood) error = failure.message;
    else if (attemptFailed && attempt.createdAt > lastGood) error = attempt.error ?? attempt.status;
    let health: FeedHealth;
    if (error !== null) health = 'failing';
    else if (lastImportAt === null && lastFetchedAt === null) health = 'never';
    else if (pollMinutes !== null && now - (lastFetchedAt ?? lastImportAt ?? 0) > STALE_POLL_INTERVALS * pollMinutes * 60_000) health = 'stale';
    else health = 'ok';
    return { name, url, health, lastImportAt, counts: published?.report?.counts ?? null, lastFetchedAt, error };
  };

  const statuses = feeds.map((feed) => statusOf(feed.name, feed.url, feed.url, feed.lastFetchedAt, feed.enabled ? feed.pollMinutes : null));
  const named = new Set(feeds.flatMap((feed) => [feed.name, feed.url]));
  const files = [...latestAttempt.keys()].filter((name) => !named.has(name));
  files.sort((a, b) => latestAttempt.get(b)!.createdAt - latestAttempt.get(a)!.createdAt);
  for (const name of files) statuses.push(statusOf(name, name, null, null, null));
  return statuses;
}
