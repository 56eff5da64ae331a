import type { BoardPage } from './openBoard.ts';

/**
 * Loads `url` at `viewport` in a board page that openBoard opened earlier, for tests that need no
 * store of their own: a new page load in the same browser context, so the offline shell's cache
 * (hundreds of files the service worker fetches into a fresh context) carries over. The view comes
 * from the URL (`v=1`), not from what an earlier test left on the device. The page's error and
 * blocked-request lists start empty again, so that each test checks its own.
 */
export async function visitBoard(board: BoardPage, url: string, viewport: { width: number; height: number }): Promise<BoardPage> {
  // Leave the previous board first: resizing it would make it draw a frame at the new size.
  await board.page.goto('about:blank');
  board.pageErrors.length = 0;
  board.blockedRequests.length = 0;
  await board.page.setViewportSize({ width: viewport.width, height: viewport.height });
  await board.page.goto(url);
  return board;
}
