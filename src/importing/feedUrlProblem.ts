/** Why a feed URL cannot be fetched by the board, or null when it can. */
export type FeedUrlProblem = 'not-a-url' | 'scheme' | 'credentials' | 'plain-http' | 'too-long';

/** Longest feed URL accepted, characters. */
export const MAX_FEED_URL_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The board's rule for feed URLs, the same as its Content Security Policy's `connect-src`
 * (ARCHITECTURE.md): https anywhere, plain http only on this machine (where nothing crosses a
 * network), no user name or password inside the URL (it would be stored and shown).
 */
export function feedUrlProblem(text: string): FeedUrlProblem | null {
  if (text.length > MAX_FEED_URL_LENGTH) return 'too-long';
  const url = URL.parse(text);
  if (url === null) return 'not-a-url';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'plain-http';
  return null;
}

const PROBLEM_TEXT: Record<FeedUrlProblem, string> = {
  'not-a-url': 'this is not a web address',
  scheme: 'a feed URL must start with https:// (or http:// on this machine)',
  credentials: 'a feed URL must not hold a user name or password (they would be stored and shown)',
  'plain-http': 'plain http:// is only accepted for this machine (localhost); use https:// for any other host',
  'too-long': `a feed URL may be at most ${MAX_FEED_URL_LENGTH} characters`,
};

/** Why a feed URL is refused, in words, for an error message. */
export function feedUrlProblemText(problem: FeedUrlProblem): string {
  return PROBLEM_TEXT[problem];
}
