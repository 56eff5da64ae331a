import type { Page } from 'playwright-core';

/**
 * Moves the open board to the view `search` names the way Back/Forward does: the address changes,
 * then popstate, and the view store restores the view from it — no page load.
 */
export async function goBackTo(page: Page, search: string): Promise<void> {
  await page.evaluate((query) => {
    history.pushState(null, '', query);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, search);
}
