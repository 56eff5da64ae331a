import type { BundleExportRequest, BundleSelectionTally } from '../../briefing/BoardBundles.ts';
import { bundleFileName, defaultBundleBaseName } from '../../briefing/bundleFileName.ts';
import { frozenView } from '../../briefing/briefingSteps.ts';
import { splitByHandling, type HandlingSplit } from '../../briefing/handlingSelection.ts';
import { passphraseProblem, passphraseStrength, type PassphraseStrength } from '../../briefing/passphraseStrength.ts';
import type { BundleProgress, BundleSigner } from '../../bundle/createBundle.ts';
import { DEFAULT_HANDLING_POLICY } from '../../bundle/handlingPolicy.ts';
import type { BundleView } from '../../bundle/viewEntry.ts';
import type { HandlingCode } from '../../domain/handlingCodes.ts';
import { riskFiltersOf, riskParamsOf } from '../../view/riskQueryOf.ts';
import type { ViewState } from '../../view/ViewState.ts';
import { downloadBlob } from '../download.ts';
import * as Comlink from 'comlink';
import type { BoardWorkerApi } from '../../../workers/protocol.ts';

/** What the export needs of the board worker. */
export type BundleExportService = Pick<BoardWorkerApi, 'bundleTally' | 'exportBundle' | 'cancelBundleExport'>;

/** What the export reads of the board, each when asked. */
export interface BundleExportSources {
  service(): BundleExportService | null;
  view(): ViewState;
  /** The evaluation instant of the answer on show (T resolved), or null before the first answer. */
  answerTime(): number | null;
  /** Whether the board shows synthetic demo data. */
  demo(): boolean;
  /** Whether a briefing's events stand in for the store's. */
  briefing(): boolean;
  /** Saved views in list order with their states, the briefing sequence to choose from. */
  savedViews(): { id: string; note: string; state: ViewState | null }[];
  signer(): Promise<BundleSigner>;
  /** Saves a file (default: the browser's download). */
  save?(blob: Blob, fileName: string): void;
}

/** Why the dialog cannot export now. */
export type BundleExportBlock = 'demo' | 'briefing' | 'notReady';

/** How the last export ended. */
export type BundleExportOutcome =
  | { status: 'saved'; fileName: string; events: number; withheld: number }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/**
 * The export dialog's state and its one action: a signed bundle of the events the board shows
 * (its filters, window and drawn area), the chosen saved views in order, for recipients at the
 * chosen handling level, optionally encrypted. The heavy part runs in the board worker, which
 * holds the events; this holds the choices, the live count of what will be withheld, progress
 * and the outcome.
 */
export class BundleExport {
  tally: BundleSelectionTally | null = $state.raw(null);
  counting = $state(false);
  level: HandlingCode = $state('H1');
  /** Ids of the saved views to carry (in list order when exported). */
  chosen: string[] = $state.raw([]);
  passphrase = $state('');
  confirmation = $state('');
  baseName = $state('');
  running = $state(false);
  progress: BundleProgress | null = $state.raw(null);
  outcome: BundleExportOutcome | null = $state.raw(null);
  error: string | null = $state(null);

  constructor(private readonly sources: BundleExportSources) {}

  /** What keeps the export from running now, or null. */
  get block(): BundleExportBlock | null {
    if (this.sources.briefing()) return 'briefing';
    if (this.sources.demo()) return 'demo';
    if (this.sources.answerTime() === null || this.sources.service() === null) return 'notReady';
    return null;
  }

  /** Carried and withheld under the chosen level (null until counted). */
  get split(): HandlingSplit | null {
    return this.tally === null ? null : splitByHandling(this.tally.tally, { ...DEFAULT_HANDLING_POLICY, level: this.level });
  }

  get strength(): PassphraseStrength {
    return passphraseStrength(this.passphrase);
  }

  /** The confirmation differs from a passphrase given (an emptied passphrase means no encryption). */
  get mismatch(): boolean {
    return this.passphrase !== '' && passphraseProblem(this.passphrase, this.confirmation) !== null;
  }

  /** Readies the dialog for the board as it is now: counts the selection, offers every saved view. */
  async prepare(): Promise<void> {
    this.outcome = null;
    this.error = null;
    this.progress = null;
    this.passphrase = '';
    this.confirmation = '';
    this.chosen = this.sources.savedViews().map((view) => view.id);
    const time = this.sources.answerTime();
    this.baseName = defaultBundleBaseName(time ?? Date.now());
    this.tally = null;
    const service = this.sources.service();
    if (this.block !== null || service === null || time === null) return;
    this.counting = true;
    try {
      this.tally = await service.bundleTally(this.selection(time));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.counting = false;
    }
  }

  /** Carries or leaves out a saved view. */
  choose(id: string, carried: boolean): void {
    const others = this.chosen.filter((other) => other !== id);
    this.chosen = carried ? [...others, id] : others;
  }

  /** Makes the bundle in the board worker and saves it as `<name>.tidegate`. */
  async run(): Promise<void> {
    const service = this.sources.service();
    const time = this.sources.answerTime();
    if (this.running || this.block !== null || this.mismatch || service === null || time === null) return;
    this.running = true;
    this.outcome = null;
    this.progress = null;
    try {
      const view = this.sources.view();
      const request: BundleExportRequest = {
        ...this.selection(time),
        handling: { ...DEFAULT_HANDLING_POLICY, level: this.level },
        views: this.carriedViews(view, time),
        model: { ...view.model, at: view.model.at ?? time },
        ...(this.passphrase !== '' ? { passphrase: this.passphrase } : {}),
      };
      const signer = await this.sources.signer();
      const made = await service.exportBundle(
        request,
        signer,
        Comlink.proxy((progress: BundleProgress) => void (this.progress = progress)),
      );
      const fileName = bundleFileName(this.baseName, time);
      (this.sources.save ?? downloadBlob)(new Blob([made.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
      this.outcome = { status: 'saved', fileName, events: made.events, withheld: made.withheld };
    } catch (error) {
      const cancelled = error instanceof Error && (error.name === 'AbortError' || /cancelled/.test(error.message));
      this.outcome = cancelled ? { status: 'cancelled' } : { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.running = false;
      this.progress = null;
      this.passphrase = '';
      this.confirmation = '';
    }
  }

  /** Stops the running export between chunks; nothing is saved. */
  cancel(): void {
    if (this.running) void this.sources.service()?.cancelBundleExport();
  }

  private selection(time: number): Pick<BundleExportRequest, 'params' | 'filters'> {
    const view = this.sources.view();
    return { params: riskParamsOf(view.model, time), filters: riskFiltersOf(view.filters) };
  }

  /** The chosen saved views in list order, or the current view alone; T frozen at the export's instant. */
  private carriedViews(current: ViewState, time: number): BundleView[] {
    const views = this.sources
      .savedViews()
      .filter((view) => this.chosen.includes(view.id) && view.state !== null)
      .map((view) => ({ note: view.note, state: frozenView(view.state!, time) }));
    return views.length > 0 ? views : [{ note: '', state: frozenView(current, time) }];
  }
}
