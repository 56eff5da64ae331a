/** How the offline shell answers one request. */
export type ShellRoute =
  /** The app's page (a navigation to the app's folder or its index.html): the stored page. */
  | { kind: 'page' }
  /** One of the build's files: the stored copy, under this path relative to the scope. */
  | { kind: 'file'; path: string }
  /** Anything else (feeds, other folders, other origins, non-GET): the network, untouched. */
  | { kind: 'network' };

/** What the router needs of a request. */
export interface RoutedRequest {
  url: string;
  method: string;
  /** `Request.mode`: 'navigate' for a page load. */
  mode: string;
}

/**
 * Decides how the shell answers `request` under `scope` (the app's folder, an absolute URL ending
 * in `/`), given the stored files. A page load of the folder (any query or hash: a shared link
 * carries its view there) gets the stored page; a GET of a stored file gets the stored copy,
 * compared without the query (the board adds none to its files); everything else is left to the
 * network, so feed URLs and other sites never touch the cache.
 */
export function shellRoute(request: RoutedRequest, scope: string, files: ReadonlySet<string>): ShellRoute {
  if (request.method !== 'GET') return { kind: 'network' };
  let url: URL;
  let scopeUrl: URL;
  try {
    url = new URL(request.url);
    scopeUrl = new URL(scope);
  } catch {
    return { kind: 'network' };
  }
  if (url.origin !== scopeUrl.origin || !url.pathname.startsWith(scopeUrl.pathname)) return { kind: 'network' };
  const path = url.pathname.slice(scopeUrl.pathname.length);
  if (request.mode === 'navigate') return path === '' || path === 'index.html' ? { kind: 'page' } : { kind: 'network' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { kind: 'network' };
  }
  return files.has(decoded) ? { kind: 'file', path: decoded } : { kind: 'network' };
}
