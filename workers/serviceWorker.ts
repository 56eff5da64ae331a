import { OfflineShell } from '../src/offline/OfflineShell.ts';
import type { ShellManifest, ShellReply, ShellRequest } from '../src/offline/ShellManifest.ts';

/** The build's manifest: the build (scripts/offlineShellPlugin.ts) writes it in place of this name. */
declare const TIDEGATE_SHELL_MANIFEST: ShellManifest;

const worker = self as unknown as ServiceWorkerGlobalScope;
const manifest = TIDEGATE_SHELL_MANIFEST;
// 'no-cache' revalidates with the host, so index.html is never an old copy from the HTTP cache.
const shell = new OfflineShell(manifest, worker.registration.scope, caches, (url) => fetch(url, { cache: 'no-cache' }));

// No skipWaiting here: a new build waits until the user accepts it (tidegate-shell-activate).
worker.addEventListener('install', (event) => event.waitUntil(shell.install()));

worker.addEventListener('activate', (event) => event.waitUntil(shell.activate().then(() => worker.clients.claim())));

worker.addEventListener('fetch', (event) => {
  const response = shell.respond(event.request, () => fetch(event.request));
  if (response !== null) event.respondWith(response);
});

worker.addEventListener('message', (event) => {
  const message = event.data as ShellRequest | null;
  if (message?.type === 'tidegate-shell-version') {
    const reply: ShellReply = { type: 'tidegate-shell-version', version: manifest.version, files: manifest.files.length };
    event.ports[0]?.postMessage(reply);
  } else if (message?.type === 'tidegate-shell-activate') {
    void worker.skipWaiting();
  }
});
