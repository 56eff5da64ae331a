import type { Page } from 'playwright-core';

/** A screen the e2e screenshots are taken at; `name` goes into the screenshot's file name. */
export interface ScreenSize {
  name: string;
  width: number;
  height: number;
}

/** The theme and language a screen is looked at in. */
export interface ScreenLook {
  theme: 'dark' | 'light';
  locale: 'en' | 'zh-Hant';
}

/** A briefing laptop. */
export const LAPTOP_SCREEN: ScreenSize = { name: '1366x768', width: 1366, height: 768 };
/** A 4K wall screen. */
export const WALL_SCREEN: ScreenSize = { name: '3840x2160', width: 3840, height: 2160 };

/**
 * The screens and looks the screenshot tests cover: every size in both themes and both languages,
 * paired diagonally rather than as the full product. Layout depends on size and language, colour on
 * theme, so each pair shows what the four combinations would; at 3840×2160 in software WebGL every
 * combination left out saves several 8-megapixel frames.
 */
export const SCREEN_LOOKS: readonly { size: ScreenSize; looks: readonly [ScreenLook, ScreenLook] }[] = [
  {
    size: LAPTOP_SCREEN,
    looks: [
      { theme: 'dark', locale: 'zh-Hant' },
      { theme: 'light', locale: 'en' },
    ],
  },
  {
    size: WALL_SCREEN,
    looks: [
      { theme: 'dark', locale: 'en' },
      { theme: 'light', locale: 'zh-Hant' },
    ],
  },
];

/**
 * Switches the board's theme and language with the header's controls, as a user would (no page
 * load), and waits until the document carries both. The clicks are dispatched without waiting for
 * the page to be still: at 3840×2160 software WebGL can take seconds a frame.
 */
export async function switchLook(page: Page, look: ScreenLook): Promise<void> {
  await page.selectOption('[data-testid="language-select"]', look.locale, { force: true });
  await page.locator(`[data-testid="theme-${look.theme}"]`).dispatchEvent('click');
  await page.waitForSelector(`html[lang="${look.locale}"][data-theme="${look.theme}"]`);
}
