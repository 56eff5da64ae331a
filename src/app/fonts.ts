import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-sans-tc/400.css';
import '@fontsource/noto-sans-tc/700.css';
import type { Locale } from '../i18n/locales.ts';

/**
 * Font stack per locale. The fonts ship with the app (split by Unicode range, so a page loads
 * only the slices it draws); no system CJK font and no network is needed.
 */
export function fontStackFor(locale: Locale): string {
  return locale === 'zh-Hant'
    ? '"Noto Sans TC", "Noto Sans SC", sans-serif'
    : '"Noto Sans SC", "Noto Sans TC", sans-serif';
}

/**
 * Waits until every character of `text` is loaded in the locale's fonts. deck.gl draws its
 * label atlas once from whatever font is ready, so labels must wait for the slices they use.
 */
export async function ensureFontsFor(locale: Locale, text: string): Promise<void> {
  const families = locale === 'zh-Hant' ? ['Noto Sans TC', 'Noto Sans SC'] : ['Noto Sans SC', 'Noto Sans TC'];
  const unique = [...new Set(text)].join('');
  await Promise.all(
    families.flatMap((family) => [400, 700].map((weight) => document.fonts.load(`${weight} 16px "${family}"`, unique))),
  );
}
