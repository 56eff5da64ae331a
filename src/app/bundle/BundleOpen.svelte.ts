import type { BundleInspection } from '../../briefing/BoardBundles.ts';
import type { BundleSummary } from '../../briefing/BundleSummary.ts';
import type { BundleRefusal } from '../../bundle/BundleRefusal.ts';
import type { SignerTrustRule } from '../../bundle/checkSignerTrust.ts';
import type { ImportOutcome } from '../ImportController.svelte.ts';
import type { BoardWorkerApi } from '../../../workers/protocol.ts';

/** What opening needs of the board worker. */
export type BundleOpenService = Pick<BoardWorkerApi, 'inspectBundle' | 'forgetBundle'>;

/** Where opening a bundle stands. */
export type BundleOpenPhase = 'idle' | 'reading' | 'passphrase' | 'verified' | 'refused' | 'merging' | 'merged' | 'failed';

/** What opening reads and does on the board, each when asked. */
export interface BundleOpenSources {
  service(): BundleOpenService | null;
  /** The user's trust rule: the trusted keys, and whether only their bundles may be opened. */
  trust(): SignerTrustRule;
  /** Merges the file into the store through the import path (ImportController.mergeBundle), which verifies it again by the same rule. */
  merge(file: File, request: { passphrase?: string } & SignerTrustRule): Promise<ImportOutcome>;
  /** Starts a briefing of the bundle the worker kept. */
  brief(summary: BundleSummary): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opening a bundle file: it is verified in the board worker (every hash and the signature) before
 * anything else; an encrypted one asks for its passphrase (a wrong one says so and asks again);
 * a refused one says why (with the user's "require a trusted signer" setting on, an untrusted
 * signer is refused there, before anything is decoded). A verified one shows its signer and
 * contents, and only then may the user merge it into the store (the import path: the feed upsert
 * rules, atomic) or open it as a briefing. Closing forgets it; nothing was written.
 */
export class BundleOpen {
  phase: BundleOpenPhase = $state('idle');
  file: File | null = $state.raw(null);
  summary: BundleSummary | null = $state.raw(null);
  refusal: BundleRefusal | null = $state.raw(null);
  /** The last passphrase tried was wrong. */
  wrongPassphrase = $state(false);
  merged: ImportOutcome | null = $state.raw(null);
  error: string | null = $state(null);
  private passphrase: string | undefined;
  private generation = 0;

  constructor(private readonly sources: BundleOpenSources) {}

  /** Starts opening `file` (any earlier bundle is forgotten). */
  async open(file: File): Promise<void> {
    this.reset();
    this.file = file;
    await this.inspect(undefined);
  }

  /** Tries the passphrase of an encrypted bundle. */
  async unlock(passphrase: string): Promise<void> {
    if (this.file === null || passphrase === '') return;
    await this.inspect(passphrase);
  }

  /** Merges the verified bundle into the store. */
  async merge(): Promise<void> {
    if (this.phase !== 'verified' || this.file === null) return;
    this.phase = 'merging';
    const outcome = await this.sources.merge(this.file, { ...(this.passphrase !== undefined ? { passphrase: this.passphrase } : {}), ...this.sources.trust() });
    this.merged = outcome;
    this.phase = outcome.error === null ? 'merged' : 'failed';
    this.error = outcome.error;
    await this.sources.service()?.forgetBundle();
  }

  /** Opens the verified bundle as a briefing and closes the dialog. */
  async brief(): Promise<void> {
    if (this.phase !== 'verified' || this.summary === null) return;
    const { summary } = this;
    this.phase = 'idle';
    await this.sources.brief(summary);
    this.passphrase = undefined;
  }

  /** Closes the dialog and forgets the bundle. */
  close(): void {
    const kept = this.phase === 'verified';
    this.reset();
    if (kept) void this.sources.service()?.forgetBundle();
  }

  private reset(): void {
    this.generation++;
    this.phase = 'idle';
    this.file = null;
    this.summary = null;
    this.refusal = null;
    this.wrongPassphrase = false;
    this.merged = null;
    this.error = null;
    this.passphrase = undefined;
  }

  private async inspect(passphrase: string | undefined): Promise<void> {
    const service = this.sources.service();
    const file = this.file;
    if (service === null || file === null) return;
    const generation = this.generation;
    this.phase = 'reading';
    let inspection: BundleInspection;
    try {
      inspection = await service.inspectBundle(file, { ...(passphrase !== undefined ? { passphrase } : {}), ...this.sources.trust() });
    } catch (error) {
      if (generation !== this.generation) return;
      this.phase = 'failed';
      this.error = messageOf(error);
      return;
    }
    if (generation !== this.generation) return;
    if (inspection.ok) {
      this.passphrase = passphrase;
      this.summary = inspection.summary;
      this.wrongPassphrase = false;
      this.phase = 'verified';
    } else if (inspection.refusal.code === 'passphrase-required' || inspection.refusal.code === 'wrong-passphrase') {
      this.wrongPassphrase = inspection.refusal.code === 'wrong-passphrase';
      this.phase = 'passphrase';
    } else {
      this.refusal = inspection.refusal;
      this.phase = 'refused';
    }
  }
}
