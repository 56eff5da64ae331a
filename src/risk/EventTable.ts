import type { EventChunk } from '../events/EventChunk.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';

/** Coarsest H3 resolution the table keeps a cell column for. */
export const MIN_TABLE_RESOLUTION = 5;

/** Finest H3 resolution the table keeps a cell column for (the chunks' own resolution). */
export const MAX_TABLE_RESOLUTION = 9;

/** Rows per time block: the unit in which passes skip rows that lie outside every window. */
export const TIME_BLOCK_ROWS = 1024;

/** log2 of TIME_BLOCK_ROWS: row `i` lies in block `i >>> TIME_BLOCK_SHIFT`. */
export const TIME_BLOCK_SHIFT = 10;

/** Severity slots per (category, grading) pair in a weight class: severities 0..5. */
export const SEVERITY_SLOTS = 6;

/** Per-event cells at one H3 resolution, as indexes into a dictionary sorted by cell id. */
export interface CellLevel {
  resolution: number;
  /** Per event: index into `high`/`low`. Uint16 while the dictionary has ≤ 65 536 cells. */
  index: Uint16Array | Uint32Array;
  /**
   * Dictionary of distinct cells, ascending by id; so comparing two dictionary indexes compares
   * the hex ids, which ranking uses to break ties.
   */
  high: Uint32Array;
  low: Uint32Array;
}

/**
 * Flat query columns for every live event of a set of chunks, one entry per event. The hot
 * columns hold only what queries read; ids, descriptions and links stay in the chunks, reached
 * through `chunks`, `chunkStart` and `chunkRow`.
 */
export interface EventTable {
  /** Number of events. */
  count: number;
  /** Epoch ms that `time` counts from (a whole second). */
  baseTime: number;
  /** Event time as whole seconds after `baseTime`, truncated. */
  time: Int32Array;
  /**
   * Least and greatest `time` of each block of TIME_BLOCK_ROWS consecutive rows (the last block
   * may be shorter). Rows often arrive roughly in time order, so a windowed pass can skip blocks.
   */
  blockMinTime: Int32Array;
  blockMaxTime: Int32Array;
  /** WGS-84 degrees (float32: about 1.5 m of resolution in the bay). */
  lon: Float32Array;
  lat: Float32Array;
  /** Index into CATEGORY_KEYS. */
  category: Uint8Array;
  /** Index into RECORD_KINDS. */
  kind: Uint8Array;
  /** 1..5 (a corrupt chunk's larger values are clamped to 5). */
  severity: Uint8Array;
  /** encodeGrading() code; 0 = ungraded. */
  grading: Uint8Array;
  /** 0 = none, else 1 + index into TRANSPORT_MODES. */
  mode: Uint8Array;
  /** Index into `sources`. */
  source: Uint16Array;
  /**
   * The event's weight class, `(category · GRADING_CODE_COUNT + grading) · SEVERITY_SLOTS +
   * severity`: everything its undecayed weight depends on, so a pass reads one column and one
   * small per-query lookup (ClassWeights) instead of three columns.
   */
  weightClass: Uint16Array;
  /** Attributed site: 0 = none, else 1 + index into `siteIds`. */
  site: Uint16Array;
  /** Attributed channel: 0 = none, else 1 + index into `channelIds`. */
  channel: Uint16Array;
  /**
   * Cell columns for resolutions MIN_TABLE_RESOLUTION..MAX_TABLE_RESOLUTION; see cellLevel(). Each
   * event's cell at every resolution is H3's `latLngToCell` of its full-precision position; the
   * coarser levels are computed on first access (ExactCellLevel).
   */
  levels: CellLevel[];
  /** Source agencies, global over the chunks. */
  sources: string[];
  /** Site ids: the reference sites in their given order, then ids only records name. */
  siteIds: string[];
  referenceSiteCount: number;
  /** Channel ids: the reference channels in their given order, then ids only records name. */
  channelIds: string[];
  referenceChannelCount: number;
  /** The reference places and radii the `site` and `channel` columns were attributed with. */
  sites: readonly ReferenceSite[];
  channels: readonly ReferenceChannel[];
  siteRadiusKm: number;
  channelRadiusKm: number;
  /** The chunks the events come from (shared, not copied). */
  chunks: readonly EventChunk[];
  /** Table row where each chunk's live rows begin; `chunkStart[chunks.length] === count`. */
  chunkStart: Uint32Array;
  /** Per event: its row inside its chunk. */
  chunkRow: Uint16Array | Uint32Array;
}

/** The cell column of a table at `resolution` (5..9). */
export function cellLevel(table: EventTable, resolution: number): CellLevel {
  const level = table.levels[resolution - MIN_TABLE_RESOLUTION];
  if (!Number.isInteger(resolution) || level === undefined) {
    throw new RangeError(`H3 resolution must be an integer ${MIN_TABLE_RESOLUTION}..${MAX_TABLE_RESOLUTION}, got ${resolution}`);
  }
  return level;
}

/** Where a table row comes from: chunk index and row inside that chunk. */
export function eventLocation(table: EventTable, row: number): { chunk: number; row: number } {
  let lo = 0;
  let hi = table.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (table.chunkStart[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return { chunk: lo, row: table.chunkRow[row] };
}

/**
 * The per-event query columns: time, position, codes, weight class, source, site, channel and
 * the five cell columns (deriving any coarse one not built yet). Not `chunkRow`, which only maps
 * rows back to chunks, nor the per-table dictionaries.
 */
export function queryColumns(table: EventTable): ArrayBufferView[] {
  return [
    table.time,
    table.lon,
    table.lat,
    table.category,
    table.kind,
    table.severity,
    table.grading,
    table.mode,
    table.source,
    table.weightClass,
    table.site,
    table.channel,
    ...table.levels.map((level) => level.index),
  ];
}

/** Bytes per event of queryColumns(). */
export function queryBytesPerEvent(table: EventTable): number {
  let bytes = 0;
  for (const column of queryColumns(table)) bytes += (column as Uint8Array).BYTES_PER_ELEMENT;
  return bytes;
}
