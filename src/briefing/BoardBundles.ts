import { createBundle, type BundleProgress, type BundleSigner } from '../bundle/createBundle.ts';
import type { HandlingPolicy, HandlingTally } from '../bundle/handlingPolicy.ts';
import type { BundleRefusal } from '../bundle/BundleRefusal.ts';
import type { SignerTrustRule } from '../bundle/checkSignerTrust.ts';
import { readBundle, type BundleContents } from '../bundle/readBundle.ts';
import type { BundleView } from '../bundle/viewEntry.ts';
import type { LiveChunk } from '../board/LiveChunk.ts';
import type { EventTable } from '../risk/EventTable.ts';
import type { RiskFilters } from '../risk/RiskFilters.ts';
import type { RiskParams } from '../risk/RiskParams.ts';
import type { ViewModel } from '../view/ViewState.ts';
import { bundleSummaryOf, type BundleSummary } from './BundleSummary.ts';
import { handlingTallyOf } from './handlingSelection.ts';
import { selectBundleRows } from './selectBundleRows.ts';

/** Which events an export takes: the board's window (T resolved) and filters. */
export interface BundleSelection {
  params: RiskParams;
  filters: RiskFilters;
}

/** The selected events per handling class, for the export dialog's live count. */
export interface BundleSelectionTally {
  selected: number;
  tally: HandlingTally;
}

/** Everything an export needs besides the events and the signer. */
export interface BundleExportRequest extends BundleSelection {
  handling: HandlingPolicy;
  views: BundleView[];
  model: ViewModel;
  /** Encrypts the bundle (docs/bundle-format.md §4); absent: not encrypted. */
  passphrase?: string;
}

/** A made bundle: its bytes (transferred to the page) and what went in. */
export interface BundleExportResult {
  bytes: Uint8Array;
  events: number;
  withheld: number;
  fingerprint: string;
}

/** A bundle read for opening: its summary, or why it was refused (nothing of it kept). */
export type BundleInspection = { ok: true; summary: BundleSummary } | { ok: false; refusal: BundleRefusal };

/** How to read a bundle: its passphrase when encrypted, and the user's trust rule. */
export interface BundleReadRequest extends SignerTrustRule {
  passphrase?: string;
}

/**
 * The board worker's side of briefing bundles. Exports read the loaded engine's table (the events
 * the board shows) and run createBundle there, in slices that yield, cancellable; opening a bundle
 * verifies it here (readBundle: every hash and the signature before anything is decoded) and keeps
 * the verified contents until the user chooses. A briefing makes the board load the bundle's
 * chunks instead of the store's (briefingChunks), until it ends.
 */
export class BoardBundles {
  private running: AbortController | null = null;
  private inspected: BundleContents | null = null;
  private briefing: BundleContents | null = null;

  constructor(private readonly table: () => EventTable | null) {}

  /** True while a briefing's events stand in for the store's. */
  get briefingActive(): boolean {
    return this.briefing !== null;
  }

  /** The chunks the board loads during a briefing, or null when it loads the store. */
  briefingChunks(): LiveChunk[] | null {
    return this.briefing === null ? null : this.briefing.chunks.map((chunk) => ({ chunk }));
  }

  /** How many events the selection takes, per handling class. */
  tally(selection: BundleSelection): BundleSelectionTally {
    const table = this.loadedTable();
    const selected = selectBundleRows(table, selection.params, selection.filters);
    const tally = handlingTallyOf(table.chunks, selected);
    return { selected: Object.values(tally).reduce((sum, count) => sum + count, 0), tally };
  }

  /**
   * Makes a signed bundle of the selection (createBundle), reporting progress; `cancelExport()`
   * stops it between chunks (the promise rejects with an AbortError and nothing is kept).
   */
  async export(request: BundleExportRequest, signer: BundleSigner, onProgress?: (progress: BundleProgress) => unknown): Promise<BundleExportResult> {
    if (this.running !== null) throw new Error('A bundle export is already running');
    const controller = new AbortController();
    this.running = controller;
    try {
      const table = this.loadedTable();
      const selected = selectBundleRows(table, request.params, request.filters);
      const chunks = table.chunks.map((chunk) => ({ chunk }));
      const index = new Map(table.chunks.map((chunk, c) => [chunk, c]));
      const made = await createBundle(
        { chunks, selectRow: (chunk, row) => selected[index.get(chunk)!][row] === 1 },
        { signer, handling: request.handling, views: request.views, model: request.model, ...(request.passphrase ? { passphrase: request.passphrase } : {}) },
        (progress) => void onProgress?.(progress),
        controller.signal,
      );
      const withheld = Object.values(made.manifest.handling.withheld).reduce((sum, count) => sum + count, 0);
      return { bytes: made.bytes, events: made.manifest.events.count, withheld, fingerprint: made.manifest.creator.fingerprint };
    } finally {
      this.running = null;
    }
  }

  /** Cancels the running export, if any. */
  cancelExport(): void {
    this.running?.abort(new DOMException('The bundle export was cancelled', 'AbortError'));
  }

  /**
   * Reads and verifies a bundle file; keeps its contents (replacing any kept before) for
   * beginBriefing(), and returns what the page shows. A refused bundle keeps nothing.
   */
  async inspect(file: Blob, request: BundleReadRequest): Promise<BundleInspection> {
    this.inspected = null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readBundle(bytes, { passphrase: request.passphrase, trusted: request.trusted, requireTrusted: request.requireTrusted });
    if (!read.ok) return read;
    this.inspected = read.contents;
    return { ok: true, summary: bundleSummaryOf(read.contents) };
  }

  /** Drops the inspected bundle (the user closed the dialog or merged it). */
  forget(): void {
    this.inspected = null;
  }

  /** Makes the inspected bundle the briefing; the caller then reloads the board. False when none is kept. */
  beginBriefing(): boolean {
    if (this.inspected === null) return false;
    this.briefing = this.inspected;
    this.inspected = null;
    return true;
  }

  /** Ends the briefing: the next load reads the store again. */
  endBriefing(): void {
    this.briefing = null;
  }

  private loadedTable(): EventTable {
    const table = this.table();
    if (table === null) throw new Error('The board has not loaded its events yet');
    return table;
  }
}
