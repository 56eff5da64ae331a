import { describe, expect, it } from 'vitest';
import { OfflineShell, type ShellCache, type ShellCaches } from './OfflineShell.ts';
import type { ShellManifest } from './ShellManifest.ts';

const SCOPE = 'https://ops.example/app/';

/** An in-memory Cache API: caches by name, responses by URL. */
class MemoryCaches implements ShellCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  async open(name: string): Promise<ShellCache> {
    let store = this.stores.get(name);
    if (store === undefined) this.stores.set(name, (store = new Map()));
    const entries = store;
    return {
      put: async (url, response) => void entries.set(url, response),
      match: async (url) => entries.get(url)?.clone(),
    };
  }
  async keys(): Promise<string[]> {
    return [...this.stores.keys()];
  }
  async delete(name: string): Promise<boolean> {
    return this.stores.delete(name);
  }
}

/** A host serving `files` (path → body), counting requests; a path mapped to a number answers that status. */
function host(files: Record<string, string | number>): { fetch: (url: string) => Promise<Response>; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: async (url) => {
      requests.push(url);
      const body = files[url.slice(SCOPE.length)];
      if (body === undefined) return new Response('not found', { status: 404 });
      return typeof body === 'number' ? new Response('', { status: body }) : new Response(body, { headers: { 'content-type': 'text/plain' } });
    },
  };
}

const MANIFEST: ShellManifest = { version: 'v2', files: ['index.html', 'assets/a.js', 'assets/b.json'] };
const FILES = { 'index.html': '<html>', 'assets/a.js': 'code', 'assets/b.json': '{}' };

describe('OfflineShell', () => {
  it('stores every file of its build under its version and serves page and files from the cache', async () => {
    const caches = new MemoryCaches();
    const server = host(FILES);
    const shell = new OfflineShell(MANIFEST, SCOPE, caches, server.fetch);
    await shell.install();
    expect([...caches.stores.keys()]).toEqual(['tidegate-shell-v2']);
    expect([...caches.stores.get('tidegate-shell-v2')!.keys()].sort()).toEqual([`${SCOPE}assets/a.js`, `${SCOPE}assets/b.json`, `${SCOPE}index.html`]);
    const offline = () => Promise.reject(new Error('offline'));
    const page = await shell.respond({ url: `${SCOPE}?lang=en`, method: 'GET', mode: 'navigate' }, offline);
    expect(await page!.text()).toBe('<html>');
    expect(page!.headers.get('content-type')).toBe('text/plain');
    expect(await (await shell.respond({ url: `${SCOPE}assets/a.js`, method: 'GET', mode: 'cors' }, offline))!.text()).toBe('code');
    expect(shell.respond({ url: 'https://feeds.example/x.csv', method: 'GET', mode: 'cors' }, offline)).toBeNull();
  });

  it('stores nothing when one file fails, so a broken deployment never replaces a working shell', async () => {
    const caches = new MemoryCaches();
    const shell = new OfflineShell(MANIFEST, SCOPE, caches, host({ ...FILES, 'assets/b.json': 503 }).fetch);
    await expect(shell.install()).rejects.toThrow(/assets\/b\.json: HTTP 503/);
    expect(caches.stores.size).toBe(0);
  });

  it('deletes every other build’s cache on activate and leaves caches it does not own', async () => {
    const caches = new MemoryCaches();
    await caches.open('tidegate-shell-v1');
    await caches.open('tidegate-shell-v0');
    await caches.open('someone-else');
    const shell = new OfflineShell(MANIFEST, SCOPE, caches, host(FILES).fetch);
    await shell.install();
    await shell.activate();
    expect([...caches.stores.keys()].sort()).toEqual(['someone-else', 'tidegate-shell-v2']);
  });

  it('fetches a stored file from the network when the cache lost it', async () => {
    const caches = new MemoryCaches();
    const shell = new OfflineShell(MANIFEST, SCOPE, caches, host(FILES).fetch);
    const response = await shell.respond({ url: `${SCOPE}assets/a.js`, method: 'GET', mode: 'cors' }, async () => new Response('from network'));
    expect(await response!.text()).toBe('from network');
  });

  it('refuses a scope that is not a folder', () => {
    expect(() => new OfflineShell(MANIFEST, 'https://ops.example/app', new MemoryCaches(), host(FILES).fetch)).toThrow(/folder/);
  });
});
