import type { BoardAnswer } from '../../board/BoardQuery.ts';
import type { ViewState } from '../../view/ViewState.ts';
import type { RiskClient } from '../RiskClient.svelte.ts';
import type { ViewStore } from '../ViewStore.svelte.ts';

/** One view of a briefing to print, in order, with its note. */
export interface BriefingPrintView {
  view: ViewState;
  note: string;
  title?: string;
}

/** Options of printBriefing. */
export interface PrintBriefingOptions {
  /** Who prepared the briefing (a bundle's creator), for the pages' footer. */
  creator?: string | null;
}

/** How a print ended: the pages were shown and the print dialog opened, or why not. */
export type PrintOutcome = { status: 'printed'; pages: number } | { status: 'failed'; message: string };

/** What printing a briefing drives and reads of the board; the App provides it once. */
export interface PrintHost {
  /** Views are shown through it (its restore path), one after the other, and the user's view put back. */
  viewStore: ViewStore;
  risk(): RiskClient | null;
  /** The answer the map shows. */
  answer(): BoardAnswer | null;
  dataset(): { sources: readonly string[]; demo: boolean } | null;
  /** The map's capture (the one the PNG export uses), once the map offers one. */
  capture(): (() => Promise<HTMLCanvasElement>) | null;
}

/**
 * The window event that asks for a print from outside the app's modules (an embedding page, the
 * end-to-end tests): `detail` is `{ views: BriefingPrintView[]; creator?: string }`.
 */
export const PRINT_BRIEFING_EVENT = 'tidegate:print-briefing';

let host: PrintHost | null = null;

/** The App hands the board to the printer once, at start; from then on the print event is heard too. */
export function providePrintHost(board: PrintHost): void {
  if (host === null) {
    window.addEventListener(PRINT_BRIEFING_EVENT, (event) => {
      const detail = (event as CustomEvent<{ views?: BriefingPrintView[]; creator?: string }>).detail;
      void printBriefing(detail?.views ?? [], { creator: detail?.creator ?? null });
    });
  }
  host = board;
}

/**
 * Prints a briefing, one A4 landscape page per view: the board shows each view in turn (through
 * the view store's restore path, in the board's current language and theme), waits for its answer
 * and for the map to draw it, and captures the map as the PNG export does; then it puts the user's
 * view back, shows the pages in a preview and opens the browser's print dialog. The printing code
 * loads on first use.
 */
export async function printBriefing(views: readonly BriefingPrintView[], options: PrintBriefingOptions = {}): Promise<PrintOutcome> {
  if (host === null) return { status: 'failed', message: 'the board is not ready to print' };
  const { briefingPrinter } = await import('./BriefingPrinter.svelte.ts');
  return briefingPrinter(host).print(views, options);
}
