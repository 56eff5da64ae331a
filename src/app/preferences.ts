import { parseLocale, type Locale } from '../i18n/locales.ts';

/** Colour theme: dark for wall displays, light for print and briefings. */
export type Theme = 'dark' | 'light';

/** The viewer's display preferences, kept across reloads and settable from the URL. */
export interface Preferences {
  locale: Locale;
  theme: Theme;
}

const STORAGE_KEY = 'tidegate.preferences';

function parseTheme(text: string | null | undefined): Theme | null {
  return text === 'dark' || text === 'light' ? text : null;
}

/**
 * Resolves preferences: URL parameters (`?lang=zh-Hant&theme=light`) win, then what was stored
 * on this device, then the browser's language and a dark theme.
 */
export function loadPreferences(href: string, storage: Storage, browserLanguages: readonly string[]): Preferences {
  const url = new URL(href);
  let stored: Partial<Preferences> = {};
  try {
    stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as Partial<Preferences>;
  } catch {
    // A corrupt entry is ignored, not fatal.
  }
  const fromBrowser = browserLanguages.map((tag) => parseLocale(tag)).find((locale) => locale !== null) ?? null;
  return {
    locale: parseLocale(url.searchParams.get('lang')) ?? parseLocale(stored.locale) ?? fromBrowser ?? 'en',
    theme: parseTheme(url.searchParams.get('theme')) ?? parseTheme(stored.theme) ?? 'dark',
  };
}

/** Stores preferences on this device and mirrors them into the address bar, so the link shares them. */
export function savePreferences(preferences: Preferences, storage: Storage, history: History, location: Location): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Private mode or a full disk: the URL still carries the choice.
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', preferences.locale);
  url.searchParams.set('theme', preferences.theme);
  history.replaceState(history.state, '', url);
}
