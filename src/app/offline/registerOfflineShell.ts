import { mount } from 'svelte';
import { formatMessage } from '../../i18n/messages.ts';
import OfflineShellNotice from '../../ui/offline/OfflineShellNotice.svelte';
import type { Translate } from '../Board.svelte.ts';
import { DocumentLocale } from './DocumentLocale.svelte.ts';
import { OfflineShellClient } from './OfflineShellClient.svelte.ts';

/**
 * Starts the offline app shell of a built board: registers `sw.js` of the app's folder once the
 * map has drawn (so storing the build never competes with the first hotspots) and mounts the
 * notice that offers a new build. Does nothing where a service worker cannot or should not run:
 * the dev server, a page that is not a secure context (plain http to another machine), or a
 * browser without service workers.
 */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  const client = new OfflineShellClient({
    container: navigator.serviceWorker,
    scriptUrl: new URL('sw.js', document.baseURI).href,
    reload: () => location.reload(),
  });
  const language = new DocumentLocale();
  const t: Translate = (key, values) => formatMessage(language.locale, key, values);
  const target = document.createElement('div');
  document.body.append(target);
  mount(OfflineShellNotice, { target, props: { t, client } });
  void whenBoardDrawn().then(() => client.start());
}

/** How long after the page's load event the shell starts at the latest, drawn map or not. */
const LATEST_START_MS = 20_000;

/**
 * Resolves once the map has drawn its first answer (MapView's `data-map-state="ready"`), or
 * LATEST_START_MS after the page's load event: storing a whole build (about 15 MB) competes for
 * the network, the disk and the CPU, so it waits until the first hotspots are on screen.
 */
function whenBoardDrawn(): Promise<void> {
  return new Promise((resolve) => {
    const drawn = () => document.querySelector('[data-map-state="ready"]') !== null;
    const observer = new MutationObserver(() => {
      if (drawn()) done();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    if (drawn()) return done();
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-map-state'], childList: true });
    const afterLoad = () => (timer = setTimeout(done, LATEST_START_MS));
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  });
}
