import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import type { EventChunk } from '../events/EventChunk.ts';
import { BASE_CELL_RESOLUTION } from '../events/EventChunkBuilder.ts';
import { cellKeyHigh, cellKeyLow, cellMode, cellResolution } from './cellHalves.ts';
import { ExactCellLevel, mapThrough, type TableRows } from './ExactCellLevel.ts';
import { CellKeySet } from './CellKeySet.ts';
import {
  MAX_TABLE_RESOLUTION,
  MIN_TABLE_RESOLUTION,
  SEVERITY_SLOTS,
  TIME_BLOCK_ROWS,
  type CellLevel,
  type EventTable,
} from './EventTable.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { ChannelGrid } from './ChannelGrid.ts';
import { SiteGrid } from './SiteGrid.ts';
import { attributeRows, cellBoxes, decideCells, DEFAULT_SITE_RADIUS_KM } from './siteAttribution.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

/** One chunk to load, with the rows to skip (non-zero = superseded by a newer version). */
export interface EventTableInput {
  chunk: EventChunk;
  mask?: Uint8Array;
}

/** How buildEventTable attributes events to reference places. */
export interface EventTableOptions {
  sites?: readonly ReferenceSite[];
  channels?: readonly ReferenceChannel[];
  /** Radius for nearest-site attribution, km (default 3). */
  siteRadiusKm?: number;
  /** Radius for nearest-channel attribution, km (default: the site radius). */
  channelRadiusKm?: number;
}

const MAX_INT32 = 2 ** 31 - 1;

/** The per-event columns copied from the chunks. */
type CopiedColumns = Pick<EventTable, 'time' | 'lon' | 'lat' | 'category' | 'kind' | 'severity' | 'grading' | 'mode' | 'source' | 'chunkRow'>;

/** The unmasked rows of a chunk, or null when every row is live. */
function liveRowsOf(rows: number, mask: Uint8Array | undefined): Uint32Array | null {
  if (mask === undefined) return null;
  let live = 0;
  for (let row = 0; row < rows; row++) if (mask[row] === 0) live++;
  if (live === rows) return null;
  const list = new Uint32Array(live);
  let k = 0;
  for (let row = 0; row < rows; row++) if (mask[row] === 0) list[k++] = row;
  return list;
}

/** Copies `from[row]` for each live row into `to` from `at` on (a block copy when all rows live). */
function copyColumn<T extends Uint8Array | Float32Array>(to: T, at: number, from: Uint8Array | Float64Array, rows: number, live: Uint32Array | null): void {
  if (live === null) {
    to.set(from.subarray(0, rows), at);
    return;
  }
  for (let k = 0; k < live.length; k++) to[at + k] = from[live[k]];
}

/** Copies the live rows of `chunk` into the table columns from row `at` on. */
function copyChunk(
  to: CopiedColumns,
  at: number,
  chunk: EventChunk,
  live: Uint32Array | null,
  globalSource: Uint16Array,
  baseTime: number,
): void {
  const from = chunk.columns;
  const rows = chunk.meta.count;
  // Column at a time: the same-typed columns become block copies.
  copyColumn(to.lon, at, from.lon, rows, live);
  copyColumn(to.lat, at, from.lat, rows, live);
  copyColumn(to.category, at, from.category, rows, live);
  copyColumn(to.kind, at, from.kind, rows, live);
  copyColumn(to.severity, at, from.severity, rows, live);
  copyColumn(to.grading, at, from.grading, rows, live);
  copyColumn(to.mode, at, from.mode, rows, live);
  const n = live === null ? rows : live.length;
  const { time, source, chunkRow } = to;
  for (let k = 0; k < n; k++) {
    const row = live === null ? k : live[k];
    const seconds = Math.floor((from.time[row] - baseTime) / 1000);
    if (seconds > MAX_INT32) throw new RangeError('Event times span more than 68 years');
    time[at + k] = seconds;
    source[at + k] = globalSource[from.source[row]];
    chunkRow[at + k] = row;
  }
}

/** Sets `cell9` from row `at` on to the CellKeySet index of each live row's resolution-9 cell. */
function addChunkCells(cell9: Uint32Array, at: number, chunk: EventChunk, live: Uint32Array | null, cells: CellKeySet): void {
  const { cellHigh, cellLow, lon, lat } = chunk.columns;
  const n = live === null ? chunk.meta.count : live.length;
  let lastHigh = -1;
  let lastLow = -1;
  let lastCell = 0;
  for (let k = 0; k < n; k++) {
    const row = live === null ? k : live[k];
    let high = cellHigh[row];
    let low = cellLow[row];
    if (cellMode(high) !== 1 || cellResolution(high) < BASE_CELL_RESOLUTION) {
      [low, high] = h3IndexToSplitLong(latLngToCell(lat[row], lon[row], BASE_CELL_RESOLUTION));
    }
    // The resolution-9 key keeps digits 1..9 only, whatever finer digits the cell carries.
    const keyHigh = high & 0xfffff;
    const keyLow = low >>> 18;
    if (keyHigh !== lastHigh || keyLow !== lastLow) {
      lastCell = cells.add(keyHigh, keyLow);
      lastHigh = keyHigh;
      lastLow = keyLow;
    }
    cell9[at + k] = lastCell;
  }
}

/** The weightClass column (see EventTable); clamps severities above the last slot in place. */
function weightClasses(category: Uint8Array, grading: Uint8Array, severity: Uint8Array): Uint16Array {
  const classes = new Uint16Array(category.length);
  for (let i = 0; i < classes.length; i++) {
    let s = severity[i];
    if (s >= SEVERITY_SLOTS) severity[i] = s = SEVERITY_SLOTS - 1;
    classes[i] = (category[i] * GRADING_CODE_COUNT + grading[i]) * SEVERITY_SLOTS + s;
  }
  return classes;
}

/** Least and greatest time of each TIME_BLOCK_ROWS rows. */
function timeBlocks(time: Int32Array): { blockMinTime: Int32Array; blockMaxTime: Int32Array } {
  const blocks = Math.ceil(time.length / TIME_BLOCK_ROWS);
  const blockMinTime = new Int32Array(blocks);
  const blockMaxTime = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const end = Math.min(time.length, (b + 1) * TIME_BLOCK_ROWS);
    let min = MAX_INT32;
    let max = -MAX_INT32 - 1;
    for (let i = b * TIME_BLOCK_ROWS; i < end; i++) {
      const t = time[i];
      if (t < min) min = t;
      if (t > max) max = t;
    }
    blockMinTime[b] = min;
    blockMaxTime[b] = max;
  }
  return { blockMinTime, blockMaxTime };
}

/**
 * The cell columns of every resolution. Resolution 9 is the chunks' stored cell of each event
 * (`cell9`: an index into `keys9`, distinct resolution-9 cellKeys in any order); the coarser
 * ones are computed from the events' positions on first use (ExactCellLevel).
 */
function cellLevels(keys9: Float64Array, cell9: Uint32Array, rows: TableRows): CellLevel[] {
  const distinct = keys9.length;
  const sorted9 = keys9.slice().sort();
  // Rank of each key9 in sorted order, by binary search: the keys are distinct.
  const rank9 = new Uint32Array(distinct);
  for (let p = 0; p < distinct; p++) {
    const key = keys9[p];
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted9[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    rank9[p] = lo;
  }
  const index9 = mapThrough(cell9, rank9, distinct);
  const high9 = new Uint32Array(distinct);
  const low9 = new Uint32Array(distinct);
  for (let k = 0; k < distinct; k++) {
    high9[k] = cellKeyHigh(sorted9[k], MAX_TABLE_RESOLUTION);
    low9[k] = cellKeyLow(sorted9[k]);
  }
  const levels: CellLevel[] = [];
  for (let resolution = MIN_TABLE_RESOLUTION; resolution < MAX_TABLE_RESOLUTION; resolution++) {
    levels.push(new ExactCellLevel(resolution, sorted9, index9, rows));
  }
  levels.push({ resolution: MAX_TABLE_RESOLUTION, index: index9, high: high9, low: low9 });
  return levels;
}

/**
 * Builds the flat query table for the live rows of `inputs`, in input order. Each event's cell at
 * resolution 9 is the one its chunk stores (computed at import from the full-precision position;
 * a row whose stored cell is missing or coarser than 9 gets it from its position here); the cells
 * at resolutions 5..8 are computed from the positions when first used (ExactCellLevel).
 */
export function buildEventTable(inputs: readonly EventTableInput[], options: EventTableOptions = {}): EventTable {
  const sites = options.sites ?? [];
  const channels = options.channels ?? [];
  const siteRadiusKm = options.siteRadiusKm ?? DEFAULT_SITE_RADIUS_KM;
  const channelRadiusKm = options.channelRadiusKm ?? siteRadiusKm;

  const chunks = inputs.map((input) => input.chunk);
  const chunkStart = new Uint32Array(inputs.length + 1);
  const liveRows = inputs.map(({ chunk, mask }) => liveRowsOf(chunk.meta.count, mask));
  let minTime = Infinity;
  let largestChunk = 0;
  inputs.forEach(({ chunk }, c) => {
    const time = chunk.columns.time;
    const live = liveRows[c];
    const rows = chunk.meta.count;
    if (live === null) {
      for (let row = 0; row < rows; row++) if (time[row] < minTime) minTime = time[row];
    } else {
      for (let k = 0; k < live.length; k++) if (time[live[k]] < minTime) minTime = time[live[k]];
    }
    chunkStart[c + 1] = chunkStart[c] + (live === null ? rows : live.length);
    largestChunk = Math.max(largestChunk, rows);
  });
  const count = chunkStart[inputs.length];
  const baseTime = count > 0 ? Math.floor(minTime / 1000) * 1000 : 0;

  const columns: CopiedColumns = {
    time: new Int32Array(count),
    lon: new Float32Array(count),
    lat: new Float32Array(count),
    category: new Uint8Array(count),
    kind: new Uint8Array(count),
    severity: new Uint8Array(count),
    grading: new Uint8Array(count),
    mode: new Uint8Array(count),
    source: new Uint16Array(count),
    chunkRow: largestChunk <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count),
  };
  /** Per event: index of its resolution-9 cell in `cells9` (order of first appearance). */
  const cell9 = new Uint32Array(count);
  const cells9 = new CellKeySet();
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();

  inputs.forEach(({ chunk }, c) => {
    const globalSource = Uint16Array.from(chunk.strings.sources, (name) => {
      let i = sourceIndex.get(name);
      if (i === undefined) {
        i = sources.length;
        sources.push(name);
        sourceIndex.set(name, i);
      }
      return i;
    });
    if (sources.length > 0x10000) throw new RangeError('More than 65536 distinct sources');
    copyChunk(columns, chunkStart[c], chunk, liveRows[c], globalSource, baseTime);
    addChunkCells(cell9, chunkStart[c], chunk, liveRows[c], cells9);
  });

  const { time, chunkRow } = columns;
  const levels = cellLevels(cells9.keys(), cell9, { chunks, chunkStart, chunkRow });
  const { blockMinTime, blockMaxTime } = timeBlocks(time);
  const weightClass = weightClasses(columns.category, columns.grading, columns.severity);

  const rows = { chunks, chunkStart, chunkRow };
  // Rows of one resolution-9 cell lie within a few hundred metres: most cells get one answer.
  const boxes9 = cellBoxes(cell9, cells9.size, columns.lon, columns.lat);
  const siteGrid = new SiteGrid(
    sites.map((site) => site.lon),
    sites.map((site) => site.lat),
    siteRadiusKm,
  );
  const siteAttribution = attributeRows(
    rows,
    'site',
    sites.map((site) => site.id),
    (x, y) => siteGrid.nearest(x, y),
    decideCells(cell9, boxes9, (...box) => siteGrid.decideBox(...box)),
  );
  const channelGrid = new ChannelGrid(channels, channelRadiusKm);
  const channelAttribution = attributeRows(
    rows,
    'channel',
    channels.map((channel) => channel.id),
    (x, y) => channelGrid.nearest(x, y),
    decideCells(cell9, boxes9, (...box) => channelGrid.decideBox(...box)),
  );

  return {
    count,
    baseTime,
    time,
    blockMinTime,
    blockMaxTime,
    lon: columns.lon,
    lat: columns.lat,
    category: columns.category,
    kind: columns.kind,
    severity: columns.severity,
    grading: columns.grading,
    mode: columns.mode,
    source: columns.source,
    weightClass,
    site: siteAttribution.index,
    channel: channelAttribution.index,
    levels,
    sources,
    siteIds: siteAttribution.ids,
    referenceSiteCount: sites.length,
    channelIds: channelAttribution.ids,
    referenceChannelCount: channels.length,
    sites,
    channels,
    siteRadiusKm,
    channelRadiusKm,
    chunks,
    chunkStart,
    chunkRow,
  };
}
