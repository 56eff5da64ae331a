import { parseLocale, type Locale } from '../../i18n/locales.ts';

/**
 * The language the board shows, read from `<html lang>` (the App keeps it in step with the view),
 * for pieces mounted outside the App such as the offline shell's notice.
 */
export class DocumentLocale {
  locale: Locale = $state('en');

  constructor(root: HTMLElement = document.documentElement) {
    const read = () => (this.locale = parseLocale(root.lang) ?? 'en');
    read();
    new MutationObserver(read).observe(root, { attributes: true, attributeFilter: ['lang'] });
  }
}
