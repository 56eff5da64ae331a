/** One record of the `feeds` table: a feed URL the user polls. */
export interface FeedSubscription {
  url: string;
  name: string;
  /** Minutes between polls. */
  pollMinutes: number;
  /** Validators from the last successful fetch, for conditional requests. */
  etag: string | null;
  lastModified: string | null;
  /** Epoch ms of the last fetch, or null if never fetched. */
  lastFetchedAt: number | null;
  /** False pauses polling without forgetting the feed (added in schema version 2). */
  enabled: boolean;
  /** Feed-level defaults (source, CRS, currency, rates) applied to the feed's rows. */
  settings?: { feedSource?: string; feedCrs?: string; feedCurrency?: string; rates?: Partial<Record<string, number>> };
}
