import { parseLocale, type Locale } from '../i18n/locales.ts';
import { restoreViewState, restoreViewText, type RestoreNotice } from '../view/restoreViewState.ts';
import { shareUnchanged } from '../view/shareUnchanged.ts';
import { decodeViewUrl, viewHref } from '../view/viewStateUrl.ts';
import { defaultViewState, type ViewState } from '../view/ViewState.ts';

/** Where a view change goes in the browser's history. */
export type HistoryMode =
  /** A deliberate change (a filter, a selection): Back undoes it. */
  | 'push'
  /** A continuous change (panning, dragging T, playback): the current entry follows it. */
  | 'replace';

/** The browser surfaces the store talks to (the page's, or stand-ins in tests). */
export interface ViewEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'pushState' | 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  languages: readonly string[];
  addPopStateListener(listener: () => void): void;
}

/** Storage key of the last view on this device. */
export const VIEW_STORAGE_KEY = 'tidegate.view';
/** Storage key earlier builds kept language and theme under (read once, as view version 0). */
const LEGACY_PREFERENCES_KEY = 'tidegate.preferences';

/** How long after the last change the view is written to storage, ms. */
const SAVE_DELAY_MS = 400;

/**
 * The one owner of what the user sees: the ViewState. It starts from the URL when the URL names a
 * view (a shared link opens exactly that view), else from the last view on this device, else the
 * defaults in the browser's language — always through restoreViewState — and keeps the URL and
 * local storage in step with every change. Back and Forward restore earlier views.
 */
export class ViewStore {
  view: ViewState = $state.raw(defaultViewState());
  /** What could not be used of the view the board started from or a link brought (shown once). */
  notices: RestoreNotice[] = $state.raw([]);
  fromNewerVersion = $state(false);
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly env: ViewEnvironment) {
    const browserLocale = env.languages.map((tag) => parseLocale(tag)).find((locale) => locale !== null) ?? 'en';
    const restored = this.initialView(browserLocale);
    this.view = restored.state;
    this.notices = restored.notices;
    this.fromNewerVersion = restored.fromNewerVersion;
    env.history.replaceState(env.history.state, '', viewHref(env.location.href, this.view));
    env.addPopStateListener(() => this.restoreFromUrl());
  }

  private initialView(browserLocale: Locale): ReturnType<typeof restoreViewState> {
    const fallback = defaultViewState(browserLocale);
    const decoded = decodeViewUrl(this.env.location.href);
    if (decoded.raw !== null) return restoreViewState(decoded.raw, fallback);
    const stored = this.read(VIEW_STORAGE_KEY);
    const restored =
      stored !== null ? restoreViewText(stored, fallback) : restoreViewText(this.read(LEGACY_PREFERENCES_KEY), fallback);
    if (decoded.tooLarge) restored.notices = [{ field: 'view', problem: 'too-large' }, ...restored.notices];
    return restored;
  }

  private read(key: string): string | null {
    try {
      return this.env.storage?.getItem(key) ?? null;
    } catch {
      // Storage disabled (private mode, policy): the board starts from the defaults.
      return null;
    }
  }

  /**
   * Replaces the view with `next` (already valid), recording it as `history` says. Parts that did
   * not change keep their identity (what depends only on them is not redone); a change that
   * changes nothing records nothing.
   */
  set(next: ViewState, history: HistoryMode = 'push'): void {
    next = shareUnchanged(this.view, next);
    if (next === this.view) return;
    this.view = next;
    const href = viewHref(this.env.location.href, next);
    if (history === 'push') this.env.history.pushState(null, '', href);
    else this.env.history.replaceState(this.env.history.state, '', href);
    this.scheduleSave();
  }

  /** Applies `change` to a copy of the view. */
  update(change: (draft: ViewState) => void, history: HistoryMode = 'push'): void {
    const draft = structuredClone(this.view);
    change(draft);
    // Anything a caller built goes through the one restore path too: a bad value never sticks.
    const { state, notices } = restoreViewState(draft, this.view);
    if (notices.length > 0) console.warn('View change refused in part', notices);
    this.set(state, history);
  }

  /** Restores a view that came from outside (a saved view, a playlist, a bundle). */
  open(raw: unknown, history: HistoryMode = 'push'): RestoreNotice[] {
    const restored = restoreViewState(raw, defaultViewState(this.view.locale));
    this.set(restored.state, history);
    return restored.notices;
  }

  dismissNotices(): void {
    this.notices = [];
    this.fromNewerVersion = false;
  }

  /** Back or Forward: the URL already shows the view to return to. */
  private restoreFromUrl(): void {
    const decoded = decodeViewUrl(this.env.location.href);
    if (decoded.raw === null) return;
    const restored = restoreViewState(decoded.raw, defaultViewState(this.view.locale));
    this.view = shareUnchanged(this.view, restored.state);
    if (restored.notices.length > 0) this.notices = restored.notices;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      try {
        this.env.storage?.setItem(VIEW_STORAGE_KEY, JSON.stringify(this.view));
      } catch {
        // A full disk or disabled storage: the URL still carries the view.
      }
    }, SAVE_DELAY_MS);
  }
}

/** The page's own environment. */
export function pageViewEnvironment(): ViewEnvironment {
  let storage: Storage | null;
  try {
    storage = window.localStorage;
  } catch {
    // Reading localStorage throws where storage is disabled by policy.
    storage = null;
  }
  return {
    location: window.location,
    history: window.history,
    storage,
    languages: navigator.languages ?? [navigator.language],
    addPopStateListener: (listener) => window.addEventListener('popstate', listener),
  };
}
