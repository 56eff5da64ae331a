import type { BoardAnswer, EventRow, EventSortKey } from '../board/BoardQuery.ts';
import { scoreFraction, scoreTicks, sequentialCssStops } from '../board/sequentialScale.ts';
import { exportFileName } from '../export/exportFileName.ts';
import type { ViewState } from '../view/ViewState.ts';
import { downloadBlob } from './download.ts';
import type { MapImageInput } from './exportMapImage.ts';
import type { RiskClient } from './RiskClient.svelte.ts';

/** What the board exports. */
export type ExportKind = 'hotspots' | 'events' | 'map';

/** Why an export did not start. */
export type ExportRefusal = 'notReady' | 'noHotspots' | 'noSelection' | 'mapNotReady';

/** How the last export ended. */
export type ExportOutcome =
  | { kind: ExportKind; status: 'saved'; fileName: string }
  | { kind: ExportKind; status: 'refused'; reason: ExportRefusal }
  | { kind: ExportKind; status: 'failed'; message: string };

/** What the exports read of the board, each when asked (so they always take the current state). */
export interface ExportSources {
  view(): ViewState;
  answer(): BoardAnswer | null;
  risk(): RiskClient | null;
  dataset(): { sources: readonly string[]; demo: boolean } | null;
  /** The details table's order, which the events file keeps. */
  eventSort(): { key: EventSortKey; descending: boolean };
  /** The map's capture, once the map offers one. */
  capture(): (() => Promise<HTMLCanvasElement>) | null;
  /** Saves a file (default: the browser's download). */
  save?(blob: Blob, fileName: string): void;
}

/** Events per question while an events export pages through the worker's answer. */
const EXPORT_PAGE_SIZE = 5_000;
/** Questions an events export may lose to newer drawer questions before it gives up. */
const MAX_RETRIES = 20;
/** How long a map capture may take before the map counts as not ready. */
const CAPTURE_TIMEOUT_MS = 15_000;
const CSV_TYPE = 'text/csv;charset=utf-8';

/** The exports' code, loaded when the first export starts (the board shows without it). */
const loadExportCode = () => import('./boardExportCode.ts');

class Refused extends Error {
  constructor(readonly reason: ExportRefusal) {
    super(reason);
  }
}

/** The theme's colours as the board's CSS variables give them, for the map image's band. */
function themeColours(): MapImageInput['colours'] {
  const style = getComputedStyle(document.querySelector('.board') ?? document.documentElement);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--panel', '#111d33'),
    text: read('--text', '#e4ecf7'),
    muted: read('--muted', '#8fa3c0'),
    warn: read('--warn', '#fbbf24'),
    border: read('--panel-border', '#22324f'),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Refused('mapNotReady')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The board's exports — the hotspot table and the selection's events as CSV (UTF-8 with BOM,
 * through the shared writer), the map as a PNG with legend and caption — one at a time, with the
 * running export and the last outcome for the menu to show.
 */
export class BoardExports {
  running: ExportKind | null = $state(null);
  /** Events fetched so far while an events export pages through them. */
  progress: { done: number; total: number } | null = $state.raw(null);
  outcome: ExportOutcome | null = $state.raw(null);

  constructor(private readonly sources: ExportSources) {}

  /** Runs one export; does nothing while another runs. */
  async run(kind: ExportKind): Promise<void> {
    if (this.running !== null) return;
    this.running = kind;
    this.outcome = null;
    try {
      const fileName = kind === 'hotspots' ? await this.hotspots() : kind === 'events' ? await this.events() : await this.map();
      this.outcome = { kind, status: 'saved', fileName };
    } catch (error) {
      this.outcome = error instanceof Refused ? { kind, status: 'refused', reason: error.reason } : { kind, status: 'failed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.running = null;
      this.progress = null;
    }
  }

  private save(blob: Blob, fileName: string): string {
    (this.sources.save ?? downloadBlob)(blob, fileName);
    return fileName;
  }

  private currentAnswer(): BoardAnswer {
    const answer = this.sources.answer();
    if (answer === null) throw new Refused('notReady');
    return answer;
  }

  private async hotspots(): Promise<string> {
    const answer = this.currentAnswer();
    if (answer.hotspotLayer.count === 0) throw new Refused('noHotspots');
    const { locale } = this.sources.view();
    const { exportCsvPieces, hotspotCsvTable } = await loadExportCode();
    const pieces = exportCsvPieces(hotspotCsvTable(answer.hotspotLayer, locale));
    return this.save(new Blob(pieces, { type: CSV_TYPE }), exportFileName('hotspots', answer.time, 'csv'));
  }

  /** Every contributing event of the selection, in the table's order, page by page. */
  private async events(): Promise<string> {
    const view = this.sources.view();
    const risk = this.sources.risk();
    if (view.selection === null) throw new Refused('noSelection');
    if (risk === null) throw new Refused('notReady');
    const { selection } = view;
    const sort = this.sources.eventSort();
    const rows: EventRow[] = [];
    let time: number | undefined;
    let total = -1;
    let retries = 0;
    for (let page = 0; ; ) {
      const answer = await risk.exportDetails(view, selection, { sort, page, pageSize: EXPORT_PAGE_SIZE });
      if (answer.cancelled) {
        if (++retries > MAX_RETRIES) throw new Error('the board kept changing while the events were read');
        continue;
      }
      if (!answer.found) throw new Refused('noSelection');
      if (total >= 0 && answer.totalEvents !== total) {
        // The data changed between pages (an import landed): start again so the file is one state.
        rows.length = 0;
        page = 0;
        total = -1;
        if (++retries > MAX_RETRIES) throw new Error('the data kept changing while the events were read');
        continue;
      }
      total = answer.totalEvents;
      time = answer.time;
      rows.push(...answer.events);
      this.progress = { done: rows.length, total: Math.max(total, rows.length) };
      if (answer.events.length < EXPORT_PAGE_SIZE) break;
      page++;
    }
    const { eventCsvTable, exportCsvPieces, selectionFileParts } = await loadExportCode();
    const pieces = exportCsvPieces(eventCsvTable(rows, view.locale));
    return this.save(new Blob(pieces, { type: CSV_TYPE }), exportFileName('events', time ?? Date.now(), 'csv', selectionFileParts(selection)));
  }

  private async map(): Promise<string> {
    const capture = this.sources.capture();
    if (capture === null) throw new Refused('mapNotReady');
    const answer = this.currentAnswer();
    const view = this.sources.view();
    const dataset = this.sources.dataset();
    const { composeMapImage, mapCaption, mapLegend } = await loadExportCode();
    const canvas = await withTimeout(capture(), CAPTURE_TIMEOUT_MS);
    if (canvas.width === 0 || canvas.height === 0) throw new Refused('mapNotReady');
    const top = answer.hotspotLayer.count > 0 ? answer.hotspotLayer.scores[0] : 0;
    const blob = await composeMapImage({
      map: canvas,
      caption: mapCaption({
        time: answer.time,
        windowDays: view.model.windowDays,
        filters: view.filters,
        sources: dataset?.sources ?? [],
        exportedAt: Date.now(),
        demo: dataset?.demo ?? false,
        locale: view.locale,
      }),
      legend: mapLegend({
        layers: view.layers,
        filters: view.filters,
        scale: top > 0 ? { stops: sequentialCssStops(view.theme), ticks: scoreTicks(top).map((score) => ({ score, fraction: scoreFraction(score, top) })) } : null,
        locale: view.locale,
      }),
      locale: view.locale,
      colours: themeColours(),
    });
    return this.save(blob, exportFileName('map', answer.time, 'png'));
  }
}
