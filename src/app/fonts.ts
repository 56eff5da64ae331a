import { parseLocale, type Locale } from '../i18n/locales.ts';

/** The shipped font family that draws a locale (its Latin too), and the other as a fallback. */
type Family = 'Noto Sans SC' | 'Noto Sans TC';

function familyOf(locale: Locale): Family {
  return locale === 'zh-Hant' ? 'Noto Sans TC' : 'Noto Sans SC';
}

/**
 * Font stack per locale. The fonts ship with the app (split by Unicode range, so a page loads
 * only the slices it draws); no system CJK font and no network is needed.
 */
export function fontStackFor(locale: Locale): string {
  return locale === 'zh-Hant' ? '"Noto Sans TC", "Noto Sans SC", sans-serif' : '"Noto Sans SC", "Noto Sans TC", sans-serif';
}

const faces = new Map<Family, Promise<void>>();
const loadedFaces = new Set<Family>();

/**
 * Loads the @font-face rules of the family that draws `locale` (once). Each family's rules are a
 * CSS chunk of their own (about 70 KB gzipped: a hundred Unicode-range slices per weight) that the
 * first paint does not need; text shows in the fallback font for the moment they take.
 */
export function loadFontFaces(locale: Locale): Promise<void> {
  const family = familyOf(locale);
  let loading = faces.get(family);
  if (loading === undefined) {
    loading = (family === 'Noto Sans TC' ? import('./fontFacesTc.ts') : import('./fontFacesSc.ts')).then(() => {
      loadedFaces.add(family);
    });
    faces.set(family, loading);
  }
  return loading;
}

/**
 * Waits until every character of `text` is loaded in the locale's family, in `weights`. deck.gl
 * draws its label atlas once from whatever font is ready, so labels wait for the slices they use
 * (data layers never do).
 */
export async function ensureFontsFor(locale: Locale, text: string, weights: readonly number[] = [400, 700]): Promise<void> {
  await loadFontFaces(locale);
  const unique = [...new Set(text)].join('');
  if (unique.length === 0) return;
  await Promise.all(weights.map((weight) => document.fonts.load(`${weight} 16px "${familyOf(locale)}"`, unique)));
}

/** Whether every character of `text` is already loaded in the locale's family (nothing to fetch). */
export function fontsReadyFor(locale: Locale, text: string, weights: readonly number[] = [400, 700]): boolean {
  const family = familyOf(locale);
  // Without the family's @font-face rules `check` would answer true for a family it does not know.
  if (!loadedFaces.has(family)) return false;
  return weights.every((weight) => document.fonts.check(`${weight} 16px "${family}"`, text));
}

/** How long after the page's load event the faces load at the latest, whatever the map does. */
const LATEST_FONT_LOAD_MS = 15_000;

/**
 * The page's own text uses these fonts too. Chinese text needs them to be legible at all (a system
 * may have no CJK font), so their family loads right after the first paint; English text reads in
 * the system's sans-serif meanwhile, so its family waits for the map's first drawing (MapView asks
 * for it with the labels) and stays out of the way of the first hotspots.
 */
if (typeof window !== 'undefined') {
  requestAnimationFrame(() =>
    setTimeout(() => {
      const locale = parseLocale(document.documentElement.lang) ?? 'en';
      if (locale !== 'en') void loadFontFaces(locale);
      else window.addEventListener('load', () => setTimeout(() => void loadFontFaces('en'), LATEST_FONT_LOAD_MS), { once: true });
    }, 0),
  );
}
