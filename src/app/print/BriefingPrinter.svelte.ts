import { mount, tick } from 'svelte';
import type { BoardAnswer } from '../../board/BoardQuery.ts';
import { briefingPages, type BriefingPage, type BriefingViewAnswer } from '../../export/briefingPages.ts';
import { formatMessage } from '../../i18n/messages.ts';
import BriefingPrint from '../../ui/print/BriefingPrint.svelte';
import type { ViewState } from '../../view/ViewState.ts';
import type { Translate } from '../Board.svelte.ts';
import { ensureFontsFor } from '../fonts.ts';
import type { BriefingPrintView, PrintBriefingOptions, PrintHost, PrintOutcome } from './printBriefing.ts';

/** A printed page: its content and the map as the board drew it (a PNG data URL). */
export interface PrintedPage extends BriefingPage {
  image: string;
  /** The map image's width ÷ height. */
  aspect: number;
}

/** How long one view may take to settle (answer in, map drawn) before printing gives up (generous: a busy laptop). */
const SETTLE_TIMEOUT_MS = 180_000;
/** Animation frames the board must stay settled before its map is captured. */
const SETTLED_FRAMES = 3;
/** How long a map capture may take. */
const CAPTURE_TIMEOUT_MS = 15_000;
/** The attribute on `<html>` that hides the board when the pages print. */
const PRINTING_ATTRIBUTE = 'printing';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/** Whether the map says it has drawn the current theme, answer and labels (MapView's contract). */
function mapDrawn(): boolean {
  return document.querySelector('[data-map-state]')?.getAttribute('data-map-state') === 'ready';
}

/**
 * Drives the board through a briefing's views and shows the printed pages: for each view, the
 * view store opens it (in the board's language and theme), the board answers and the map draws
 * it, and the map is captured; then the user's own view comes back, the pages are built
 * (briefingPages) and shown in a preview that prints one A4 landscape page per view.
 */
export class BriefingPrinter {
  status: 'idle' | 'preparing' | 'ready' | 'failed' = $state('idle');
  progress: { done: number; total: number } = $state.raw({ done: 0, total: 0 });
  pages: PrintedPage[] = $state.raw([]);
  message = $state('');

  constructor(private readonly host: PrintHost) {
    const target = document.createElement('div');
    target.className = 'briefing-print-host';
    document.body.append(target);
    mount(BriefingPrint, { target, props: { t: this.t, printer: this } });
  }

  /** Translates in the board's language. */
  t: Translate = (key, values) => formatMessage(this.host.viewStore.view.locale, key, values);

  /** Prints `views`; refused while another briefing is being prepared. */
  async print(views: readonly BriefingPrintView[], options: PrintBriefingOptions): Promise<PrintOutcome> {
    if (this.status === 'preparing') return { status: 'failed', message: 'a briefing is already being prepared' };
    if (views.length === 0) return this.fail('there are no views to print');
    const store = this.host.viewStore;
    const original = store.view;
    this.status = 'preparing';
    this.pages = [];
    this.message = '';
    this.progress = { done: 0, total: views.length };
    const shown: (BriefingViewAnswer & { image: string; aspect: number })[] = [];
    try {
      for (const item of views) {
        store.open({ ...item.view, locale: original.locale, theme: original.theme }, 'replace');
        const answer = await this.settled();
        const capture = this.host.capture();
        if (capture === null) throw new Error('the map is not ready');
        const canvas = await withTimeout(capture(), CAPTURE_TIMEOUT_MS, 'the map did not draw in time');
        if (canvas.width === 0 || canvas.height === 0) throw new Error('the map has no size');
        shown.push({
          view: store.view,
          note: item.note,
          title: item.title,
          answer: { time: answer.time, hotspots: answer.hotspots, hotspotCount: answer.hotspotLayer.count, topScore: answer.hotspotLayer.count > 0 ? answer.hotspotLayer.scores[0] : 0 },
          image: canvas.toDataURL('image/png'),
          aspect: canvas.width / canvas.height,
        });
        this.progress = { done: shown.length, total: views.length };
      }
    } catch (error) {
      return this.fail(error instanceof Error ? error.message : String(error));
    } finally {
      this.restore(original);
    }
    const dataset = this.host.dataset();
    const pages = briefingPages({
      views: shown,
      sources: dataset?.sources ?? [],
      demo: dataset?.demo ?? false,
      creator: options.creator ?? null,
      printedAt: Date.now(),
      locale: original.locale,
      theme: original.theme,
    });
    this.pages = pages.map((page, i) => ({ ...page, image: shown[i].image, aspect: shown[i].aspect }));
    this.status = 'ready';
    await this.whenPagesDrawn(pages);
    this.printNow();
    return { status: 'printed', pages: pages.length };
  }

  /** Opens the browser's print dialog for the pages shown. */
  printNow(): void {
    document.documentElement.dataset[PRINTING_ATTRIBUTE] = 'briefing';
    window.print();
  }

  /** Closes the preview. */
  close(): void {
    this.status = 'idle';
    this.pages = [];
    delete document.documentElement.dataset[PRINTING_ATTRIBUTE];
  }

  private fail(message: string): PrintOutcome {
    this.status = 'failed';
    this.message = message;
    return { status: 'failed', message };
  }

  private restore(original: ViewState): void {
    this.host.viewStore.set(original, 'replace');
  }

  /** The answer to the view just opened, once the board is idle on it and the map has drawn it. */
  private async settled(): Promise<BoardAnswer> {
    // Let the App's effects ask the worker about the new view before looking.
    await tick();
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    let frames = 0;
    for (;;) {
      await nextFrame();
      const risk = this.host.risk();
      const answer = this.host.answer();
      frames = risk !== null && !risk.busy && answer !== null && mapDrawn() ? frames + 1 : 0;
      if (frames >= SETTLED_FRAMES) return answer!;
      if (performance.now() > deadline) throw new Error('the board did not finish drawing the view');
    }
  }

  /** Waits until the preview's images are decoded and the fonts of its text are loaded. */
  private async whenPagesDrawn(pages: readonly BriefingPage[]): Promise<void> {
    await tick();
    const locale = this.host.viewStore.view.locale;
    const text = pages.flatMap((page) => [page.title, page.note ?? '', page.footer, ...page.summary, ...page.hotspots.map((row) => row.place + row.category)]).join('');
    await ensureFontsFor(locale, text);
    const images = [...document.querySelectorAll<HTMLImageElement>('[data-testid="briefing-print"] img')];
    await Promise.all(images.map((image) => image.decode().catch(() => {})));
  }
}

let printer: BriefingPrinter | null = null;

/** The page's one printer, made on first use. */
export function briefingPrinter(host: PrintHost): BriefingPrinter {
  printer ??= new BriefingPrinter(host);
  return printer;
}
