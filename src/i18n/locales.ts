/** UI languages of the board, in menu order. */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;

/** One UI language. */
export type Locale = (typeof LOCALES)[number];

/** Native name of each locale, for the language menu. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
};

/** Returns the locale named by `text` (case-insensitive, also `zh-CN`, `zh-HK`, `zh-TW`, `zh-MO`), or null. */
export function parseLocale(text: string | null | undefined): Locale | null {
  if (!text) return null;
  const lower = text.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh-hans' || lower === 'zh-cn' || lower === 'zh-sg' || lower === 'zh') return 'zh-Hans';
  if (lower === 'zh-hant' || lower === 'zh-hk' || lower === 'zh-tw' || lower === 'zh-mo') return 'zh-Hant';
  return null;
}
