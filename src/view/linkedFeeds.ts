/** Most feed URLs one link may name. */
export const MAX_LINKED_FEEDS = 8;

/** Longest feed URL a link may name, characters. */
const MAX_FEED_URL = 2048;

/** Feed URLs a link names (`?feed=…`, repeatable), and how many it named that cannot be used. */
export interface LinkedFeeds {
  urls: string[];
  refused: number;
}

/**
 * The feed URLs in a link's `feed` parameters: absolute http(s) URLs without credentials, each
 * once, at most MAX_LINKED_FEEDS. The board fetches them only after the user agrees.
 */
export function linkedFeeds(href: string): LinkedFeeds {
  const urls: string[] = [];
  let refused = 0;
  for (const value of new URL(href).searchParams.getAll('feed')) {
    const url = value.length <= MAX_FEED_URL ? URL.parse(value) : null;
    const usable = url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    if (!usable || urls.length >= MAX_LINKED_FEEDS) {
      refused++;
      continue;
    }
    if (!urls.includes(url.href)) urls.push(url.href);
  }
  return { urls, refused };
}
