import { mount } from 'svelte';
import { formatMessage } from '../../i18n/messages.ts';
import OfflineShellNotice from '../../ui/offline/OfflineShellNotice.svelte';
import type { Translate } from '../Board.svelte.ts';
import { DocumentLocale } from './DocumentLocale.svelte.ts';
import { OfflineShellClient } from './OfflineShellClient.svelte.ts';

/**
 * Starts the offline app shell of a built board: registers `sw.js` of the app's folder once the
 * page has loaded (so storing the build never competes with the first paint) and mounts the
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
  const start = () => void client.start();
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
