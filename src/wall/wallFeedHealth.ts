import { STALE_POLL_INTERVALS, type FeedStatus } from '../board/feedStatus.ts';
import type { ImportCounts } from '../domain/ImportReport.ts';
import type { FeedSubscription } from '../store/FeedSubscription.ts';
import type { ImportEntry } from '../store/ImportEntry.ts';
import type { FailureStreak } from './failureStreaks.ts';

/**
 * How a feed stands on the wall: fresh; paused by the user; never read yet; failing once or twice
 * (`retrying`: the next poll may mend it); stale (no change for longer than expected, or not
 * fetched although due); failing (FAILING_ATTEMPTS attempts in a row, or a file whose import failed).
 */
export type WallFeedHealth = 'ok' | 'paused' | 'never' | 'retrying' | 'stale' | 'failing';

/** Why a feed is stale. */
export type StaleReason = 'unchanged' | 'not-fetched';

/** One feed as the wall's status strip shows it. */
export interface WallFeedLine {
  /** The feed's URL, or the file name for files imported by hand. */
  key: string;
  name: string;
  url: string | null;
  health: WallFeedHealth;
  staleReason: StaleReason | null;
  /** When the feed's data last changed the store (an import that added or updated rows), epoch ms. */
  lastChangedAt: number | null;
  /** How long ago that was (or, before any change, the last import or fetch), ms; null when never read. */
  dataAgeMs: number | null;
  lastFetchedAt: number | null;
  /** Counts of the latest published import. */
  counts: ImportCounts | null;
  /** Failed attempts in a row. */
  failures: number;
  /** The latest failure's message while the feed fails. */
  error: string | null;
}

/** A registered feed is flagged stale when its data has not changed for this many poll intervals (unless the playlist sets a period). */
export const STALE_CHANGE_POLLS = 4;

/** Failed attempts in a row after which a feed is failing rather than retrying. */
export const FAILING_ATTEMPTS = 3;

/** The wall's staleness rules. */
export interface WallFeedRules {
  /** A registered feed's poll interval as the wall polls it, ms. */
  pollMs(feed: FeedSubscription): number;
  /** How long a feed's data may stay unchanged, ms; null: STALE_CHANGE_POLLS poll intervals. */
  staleAfterMs: number | null;
}

function changedRows(counts: ImportCounts | undefined): boolean {
  return counts !== undefined && counts.accepted + counts.updated > 0;
}

/**
 * The wall's view of every feed (statuses from feedStatuses, in their order), with the wall's
 * stricter rules: stale also when a feed keeps answering but its data has not changed for longer
 * than expected, and failing only after FAILING_ATTEMPTS failures in a row (`streaks`, keyed like
 * the import controller's failures: URL for feeds, file name for files).
 */
export function wallFeedLines(
  statuses: readonly FeedStatus[],
  feeds: readonly FeedSubscription[],
  imports: readonly ImportEntry[],
  streaks: ReadonlyMap<string, FailureStreak>,
  now: number,
  rules: WallFeedRules,
): WallFeedLine[] {
  const lastChange = new Map<string, number>();
  for (const entry of imports) {
    if (entry.status !== 'published' || !changedRows(entry.report?.counts)) continue;
    const at = entry.report?.finishedAt ?? entry.createdAt;
    if (at > (lastChange.get(entry.feedName) ?? Number.NEGATIVE_INFINITY)) lastChange.set(entry.feedName, at);
  }
  const byUrl = new Map(feeds.map((feed) => [feed.url, feed]));
  return statuses.map((status) => {
    const key = status.url ?? status.name;
    const feed = status.url === null ? undefined : byUrl.get(status.url);
    const lastChangedAt = lastChange.get(status.name) ?? (status.url === null ? undefined : lastChange.get(status.url)) ?? null;
    const failures = streaks.get(key)?.count ?? 0;
    const reference = lastChangedAt ?? status.lastImportAt ?? status.lastFetchedAt;
    const line: WallFeedLine = {
      key,
      name: status.name,
      url: status.url,
      health: 'ok',
      staleReason: null,
      lastChangedAt,
      dataAgeMs: reference === null ? null : Math.max(0, now - reference),
      lastFetchedAt: status.lastFetchedAt,
      counts: status.counts,
      failures,
      error: status.error,
    };
    if (feed === undefined) {
      line.health = status.error !== null ? 'failing' : status.health === 'never' ? 'never' : 'ok';
      return line;
    }
    if (!feed.enabled) {
      line.health = 'paused';
      return line;
    }
    if (failures >= FAILING_ATTEMPTS) {
      line.health = 'failing';
      return line;
    }
    const pollMs = rules.pollMs(feed);
    const fetchedAt = status.lastFetchedAt ?? status.lastImportAt;
    if (fetchedAt === null) {
      line.health = failures > 0 ? 'retrying' : 'never';
      return line;
    }
    if (now - fetchedAt > STALE_POLL_INTERVALS * pollMs) line.staleReason = 'not-fetched';
    else if (reference !== null && now - reference > (rules.staleAfterMs ?? STALE_CHANGE_POLLS * pollMs)) line.staleReason = 'unchanged';
    line.health = line.staleReason !== null ? 'stale' : failures > 0 ? 'retrying' : 'ok';
    return line;
  });
}
