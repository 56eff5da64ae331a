import { feedUrlProblem } from '../importing/feedUrlProblem.ts';

/** Most feed URLs one link may name. */
export const MAX_LINKED_FEEDS = 8;

/** Feed URLs a link names (`?feed=…`, repeatable), and how many it named that cannot be used. */
export interface LinkedFeeds {
  urls: string[];
  refused: number;
}

/**
 * The feed URLs in a link's `feed` parameters that the board may fetch (feedUrlProblem), each
 * once, at most MAX_LINKED_FEEDS. The board fetches them only after the user agrees.
 */
export function linkedFeeds(href: string): LinkedFeeds {
  const urls: string[] = [];
  let refused = 0;
  for (const value of new URL(href).searchParams.getAll('feed')) {
    if (feedUrlProblem(value) !== null || urls.length >= MAX_LINKED_FEEDS) {
      refused++;
      continue;
    }
    const href = new URL(value).href;
    if (!urls.includes(href)) urls.push(href);
  }
  return { urls, refused };
}
