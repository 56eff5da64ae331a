/**
 * Every call across the board's thread boundaries, in one place: the board worker's, the import
 * worker's and the chunk worker's APIs as interfaces, and the one way a reply carrying typed
 * arrays leaves a worker (transferReply). A client wraps a worker with `Comlink.wrap<XWorkerApi>`;
 * a worker exposes an object that implements the interface.
 */
import * as Comlink from 'comlink';
import type { BoardLoadResult } from '../src/board/BoardDataService.ts';
import type {
  BundleExportRequest,
  BundleExportResult,
  BundleInspection,
  BundleReadRequest,
  BundleSelection,
  BundleSelectionTally,
} from '../src/briefing/BoardBundles.ts';
import type { BundleProgress, BundleSigner } from '../src/bundle/createBundle.ts';
import type { BoardAnswer, BoardQuery, DetailsAnswer, DetailsQuery, PlaybackAnswer } from '../src/board/BoardQuery.ts';
import type { ResolvedCells } from '../src/events/CellResolver.ts';
import type { ImportService } from '../src/importing/ImportService.ts';
import type { PersistedChunk } from '../src/store/PersistedChunk.ts';
import { collectTransferables } from '../src/transfer/collectTransferables.ts';

/** The board worker (workers/boardWorker.ts): the risk engine over the stored events. */
export interface BoardWorkerApi {
  /** Answers once the worker has loaded its modules. */
  ping(): Promise<true>;
  /** Loads (or reloads) the stored events, or the demo set when the store is empty. */
  load(): Promise<BoardLoadResult>;
  /** Default evaluation instant for the loaded data. */
  defaultEvaluationTime(): Promise<number>;
  /** Everything the board shows for one view; a newer query cancels an older one still waiting. */
  boardQuery(query: BoardQuery): Promise<BoardAnswer>;
  /** Playback: the hotspots at a new T from the incremental stepper (latest wins among steps). */
  step(query: BoardQuery): Promise<PlaybackAnswer>;
  /** Why a selected thing scores what it does, and a sorted page of its events. */
  details(query: DetailsQuery): Promise<DetailsAnswer>;
  /** Briefing bundles (src/briefing/BoardBundles.ts): the events an export would take, per handling class. */
  bundleTally(selection: BundleSelection): Promise<BundleSelectionTally>;
  /** Makes a signed bundle of the shown events (bytes transferred); cancelBundleExport() stops it. */
  exportBundle(request: BundleExportRequest, signer: BundleSigner, onProgress?: (progress: BundleProgress) => unknown): Promise<BundleExportResult>;
  cancelBundleExport(): Promise<void>;
  /** Reads and verifies a bundle file (nothing written anywhere), keeping it for beginBriefing(). */
  inspectBundle(file: Blob, request: BundleReadRequest): Promise<BundleInspection>;
  /** Drops the kept bundle. */
  forgetBundle(): Promise<void>;
  /** From the next load() the kept bundle's events stand in for the store's; false when none is kept. */
  beginBriefing(): Promise<boolean>;
  /** From the next load() the store's events are shown again. */
  endBriefing(): Promise<void>;
}

/** The import worker (workers/importWorker.ts): an ImportService on the worker's own connection. */
export interface ImportWorkerApi
  extends Pick<
    ImportService,
    'importBlob' | 'importBundle' | 'pollFeed' | 'cancel' | 'listImports' | 'reportCsv' | 'storageSummary' | 'listFeeds' | 'saveFeed' | 'deleteFeed'
  > {
  /** Answers once the worker has loaded its modules and opened the store. */
  ping(): Promise<true>;
}

/** The chunk worker (workers/chunkWorker.ts), called by the import thread. */
export interface ChunkWorkerApi {
  /** Resolution-9 H3 cells of a chunk's positions (arrays transferred both ways). */
  cells(lon: Float64Array, lat: Float64Array): Promise<ResolvedCells>;
  /** Writes a staged chunk of the database `databaseName` through the worker's own connection. */
  stage(databaseName: string, record: PersistedChunk): Promise<void>;
}

/**
 * Marks every buffer of `reply` for transfer (collectTransferables): the receiver gets them
 * without a copy and the sender loses them, so a reply must hold only arrays built for it — never
 * one the worker keeps (a cache, the engine's table): copy those first.
 */
export function transferReply<T>(reply: T): T {
  return Comlink.transfer(reply, collectTransferables(reply));
}
