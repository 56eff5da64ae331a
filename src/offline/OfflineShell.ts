import { isOtherShellCache, shellCacheName } from './shellCacheName.ts';
import type { ShellManifest } from './ShellManifest.ts';
import { shellRoute, type RoutedRequest } from './shellRoute.ts';

/** What the shell needs of the Cache API (the service worker's `caches`, or a stand-in in tests). */
export interface ShellCaches {
  open(name: string): Promise<ShellCache>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

/** One cache of ShellCaches. */
export interface ShellCache {
  put(url: string, response: Response): Promise<void>;
  match(url: string): Promise<Response | undefined>;
}

/** How the shell fetches a file from the host while it installs. */
export type ShellFetch = (url: string) => Promise<Response>;

/**
 * The offline app shell as the service worker runs it: on install, every file of the build into
 * the build's own cache (all or nothing); on activate, every other build's cache deleted; on each
 * request, the stored page or file, or the network for anything the build does not hold.
 */
export class OfflineShell {
  readonly cacheName: string;
  private readonly files: ReadonlySet<string>;

  /** `scope` is the app's folder as an absolute URL ending in `/`. */
  constructor(
    private readonly manifest: ShellManifest,
    private readonly scope: string,
    private readonly caches: ShellCaches,
    private readonly fetchFile: ShellFetch,
  ) {
    if (!scope.endsWith('/')) throw new Error(`The shell's scope must be a folder: ${scope}`);
    this.cacheName = shellCacheName(manifest.version);
    this.files = new Set(manifest.files);
  }

  private urlOf(path: string): string {
    return new URL(path, this.scope).href;
  }

  /**
   * Stores every file of the build. Every file is fetched whole first (status 200) and stored only
   * when all arrived, so a host that fails one file fails the install before anything is stored:
   * the browser then keeps the previous worker and tries again on a later visit.
   */
  async install(): Promise<void> {
    const fetched = await Promise.all(
      this.manifest.files.map(async (path) => {
        const url = this.urlOf(path);
        const response = await this.fetchFile(url);
        if (response.status !== 200) throw new Error(`The offline shell could not fetch ${url}: HTTP ${response.status}`);
        // Read the body now, so that a connection that dies mid-file fails the install here.
        const body = await response.arrayBuffer();
        return { url, response: new Response(body, { status: 200, statusText: response.statusText, headers: response.headers }) };
      }),
    );
    const cache = await this.caches.open(this.cacheName);
    for (const { url, response } of fetched) await cache.put(url, response);
  }

  /** Deletes the caches of every other build. */
  async activate(): Promise<void> {
    const names = await this.caches.keys();
    await Promise.all(names.filter((name) => isOtherShellCache(name, this.manifest.version)).map((name) => this.caches.delete(name)));
  }

  /**
   * The shell's answer to a request, or null when the network should answer it untouched. A file
   * missing from the cache (storage evicted under pressure) is fetched from the network instead.
   */
  respond(request: RoutedRequest, network: () => Promise<Response>): Promise<Response> | null {
    const route = shellRoute(request, this.scope, this.files);
    if (route.kind === 'network') return null;
    const url = this.urlOf(route.kind === 'page' ? 'index.html' : route.path);
    return (async () => {
      const cache = await this.caches.open(this.cacheName);
      return (await cache.match(url)) ?? network();
    })();
  }
}
