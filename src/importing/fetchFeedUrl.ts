import type { FeedSubscription } from '../store/FeedSubscription.ts';

/** A feed URL's response: new content to import, or "not modified" since the last fetch. */
export type FeedFetchResult =
  | { status: 'modified'; stream: ReadableStream<Uint8Array>; totalBytes: number; etag: string | null; lastModified: string | null }
  | { status: 'not-modified' };

/**
 * Fetches a feed with a conditional request (If-None-Match / If-Modified-Since from the last
 * successful fetch), so an unchanged feed costs one small round trip and no import.
 */
export async function fetchFeedUrl(
  feed: Pick<FeedSubscription, 'url' | 'etag' | 'lastModified'>,
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<FeedFetchResult> {
  const headers: Record<string, string> = {};
  if (feed.etag) headers['If-None-Match'] = feed.etag;
  if (feed.lastModified) headers['If-Modified-Since'] = feed.lastModified;
  const response = await fetchImpl(feed.url, { headers, signal, cache: 'no-store', credentials: 'omit' });
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok) throw new Error(`${feed.url} answered ${response.status} ${response.statusText}`.trim());
  if (!response.body) throw new Error(`${feed.url} returned no body`);
  return {
    status: 'modified',
    stream: response.body,
    totalBytes: Number(response.headers.get('content-length') ?? 0) || 0,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}
