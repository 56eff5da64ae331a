import { briefingStepIndex, presentedView } from '../../briefing/briefingSteps.ts';
import type { BundleSummary } from '../../briefing/BundleSummary.ts';
import { bundlePrintViews } from '../../briefing/bundlePrintViews.ts';
import type { BriefingPrintView, PrintBriefingOptions, PrintOutcome } from '../print/printBriefing.ts';
import type { ViewState } from '../../view/ViewState.ts';
import type { BoardWorkerApi } from '../../../workers/protocol.ts';
import type { ViewStore } from '../ViewStore.svelte.ts';

/** What a briefing needs of the board worker. */
export type BriefingService = Pick<BoardWorkerApi, 'beginBriefing' | 'endBriefing'>;

/** What a briefing drives on the board. */
export interface BriefingSources {
  service(): BriefingService | null;
  views: ViewStore;
  /** Reloads the board's data from the worker (the bundle's during a briefing, the store's after). */
  reload(): Promise<void>;
  /** Prints views, one page each (printBriefing). */
  print(views: readonly BriefingPrintView[], options: PrintBriefingOptions): Promise<PrintOutcome>;
}

/**
 * A read-only briefing: the board worker loads a verified bundle's events instead of the store's,
 * and the briefing bar steps through the bundle's views, each restored through the one view path
 * (ViewStore.open) in the viewer's language and theme. Leaving reloads the store's events and
 * returns to the view from before the briefing. Nothing of the bundle is written. Printing puts
 * every view of the bundle on a page of its own, with its note.
 */
export class Briefing {
  /** The bundle being briefed, or null. */
  summary: BundleSummary | null = $state.raw(null);
  index = $state(0);
  busy = $state(false);
  /** The board is stepping through the views to print them: stepping and leaving wait. */
  printing = $state(false);
  private before: ViewState | null = null;

  constructor(private readonly sources: BriefingSources) {}

  get active(): boolean {
    return this.summary !== null;
  }

  /** The note of the step on show. */
  get note(): string {
    return this.summary?.steps[this.index]?.note ?? '';
  }

  /** Starts briefing the bundle the worker kept (BundleOpen verified it), at its first view. */
  async start(summary: BundleSummary): Promise<void> {
    const service = this.sources.service();
    if (service === null || !(await service.beginBriefing())) return;
    this.busy = true;
    try {
      this.before ??= this.sources.views.view;
      this.summary = summary;
      this.index = 0;
      await this.sources.reload();
      this.show();
    } finally {
      this.busy = false;
    }
  }

  /** Moves `delta` steps through the views (held inside the sequence). */
  step(delta: number): void {
    if (this.summary === null || this.printing) return;
    const next = briefingStepIndex(this.index, delta, this.summary.steps.length);
    if (next === this.index) return;
    this.index = next;
    this.show();
  }

  /** Ends the briefing: the store's events again, and the view from before it. */
  async leave(): Promise<void> {
    if (this.summary === null || this.printing) return;
    this.busy = true;
    try {
      await this.sources.service()?.endBriefing();
      const before = this.before;
      this.summary = null;
      this.before = null;
      const current = this.sources.views.view;
      if (before !== null) this.sources.views.open(presentedView(before, current, 'board'));
      else this.sources.views.update((draft) => void (draft.mode = 'board'));
      await this.sources.reload();
    } finally {
      this.busy = false;
    }
  }

  /**
   * Prints every view of the bundle, one A4 landscape page each with its note, in order; the
   * step on show comes back afterwards. Null when there is nothing to print or it is already
   * printing.
   */
  async print(): Promise<PrintOutcome | null> {
    if (this.summary === null || this.summary.steps.length === 0 || this.busy || this.printing) return null;
    const { views, creator } = bundlePrintViews(this.summary, this.sources.views.view);
    this.printing = true;
    try {
      return await this.sources.print(views, { creator });
    } finally {
      this.printing = false;
    }
  }

  private show(): void {
    const step = this.summary?.steps[this.index];
    const current = this.sources.views.view;
    if (step === undefined) this.sources.views.update((draft) => void (draft.mode = 'briefing'));
    else this.sources.views.open(presentedView(step.state, current, 'briefing'));
  }
}
