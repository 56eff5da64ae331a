import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import type { EventChunk } from '../events/EventChunk.ts';
import { BASE_CELL_RESOLUTION } from '../events/EventChunkBuilder.ts';
import {
  cellKey,
  cellKeyHigh,
  cellKeyLow,
  cellMode,
  cellResolution,
  parentCellHigh,
  parentCellLow,
} from './cellHalves.ts';
import { MAX_TABLE_RESOLUTION, MIN_TABLE_RESOLUTION, type CellLevel, type EventTable } from './EventTable.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { ChannelGrid } from './ChannelGrid.ts';
import { SiteGrid } from './SiteGrid.ts';
import { attributeRows, DEFAULT_SITE_RADIUS_KM } from './siteAttribution.ts';

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

/** Dictionary index column sized to the dictionary. */
function indexColumn(count: number, dictionarySize: number): Uint16Array | Uint32Array {
  return dictionarySize <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
}

/**
 * Sorts distinct cell keys of one resolution and returns the level's dictionary plus, for each
 * provisional index (order of first appearance), its index in the sorted dictionary.
 */
function sortedDictionary(keys: readonly number[], resolution: number): { high: Uint32Array; low: Uint32Array; rank: Uint32Array } {
  const sorted = Float64Array.from(keys).sort();
  const high = new Uint32Array(sorted.length);
  const low = new Uint32Array(sorted.length);
  const rankOfKey = new Map<number, number>();
  sorted.forEach((key, i) => {
    high[i] = cellKeyHigh(key, resolution);
    low[i] = cellKeyLow(key);
    rankOfKey.set(key, i);
  });
  return { high, low, rank: Uint32Array.from(keys, (key) => rankOfKey.get(key) as number) };
}

/**
 * Builds the flat query table for the live rows of `inputs`, in input order. Parent cells at
 * resolutions 5..8 derive from each distinct resolution-9 cell by bit masking; a row whose stored
 * cell is missing or coarser than 9 gets its cell from its position instead.
 */
export function buildEventTable(inputs: readonly EventTableInput[], options: EventTableOptions = {}): EventTable {
  const sites = options.sites ?? [];
  const channels = options.channels ?? [];
  const siteRadiusKm = options.siteRadiusKm ?? DEFAULT_SITE_RADIUS_KM;
  const channelRadiusKm = options.channelRadiusKm ?? siteRadiusKm;

  const chunks = inputs.map((input) => input.chunk);
  const chunkStart = new Uint32Array(inputs.length + 1);
  let minTime = Infinity;
  let largestChunk = 0;
  inputs.forEach(({ chunk, mask }, c) => {
    const { time } = chunk.columns;
    let live = 0;
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask !== undefined && mask[row] > 0) continue;
      live++;
      if (time[row] < minTime) minTime = time[row];
    }
    chunkStart[c + 1] = chunkStart[c] + live;
    largestChunk = Math.max(largestChunk, chunk.meta.count);
  });
  const count = chunkStart[inputs.length];
  const baseTime = count > 0 ? Math.floor(minTime / 1000) * 1000 : 0;

  const time = new Int32Array(count);
  const lon = new Float32Array(count);
  const lat = new Float32Array(count);
  const category = new Uint8Array(count);
  const kind = new Uint8Array(count);
  const severity = new Uint8Array(count);
  const grading = new Uint8Array(count);
  const mode = new Uint8Array(count);
  const source = new Uint16Array(count);
  const chunkRow = largestChunk <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
  /** Per event: provisional (first-appearance) index of its resolution-9 cell. */
  const cell9 = new Uint32Array(count);
  const keys9: number[] = [];
  const provisional9 = new Map<number, number>();
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();

  let r = 0;
  inputs.forEach(({ chunk, mask }) => {
    const columns = chunk.columns;
    const globalSource = chunk.strings.sources.map((name) => {
      let i = sourceIndex.get(name);
      if (i === undefined) {
        i = sources.length;
        sources.push(name);
        sourceIndex.set(name, i);
      }
      return i;
    });
    if (sources.length > 0x10000) throw new RangeError('More than 65536 distinct sources');
    for (let row = 0; row < chunk.meta.count; row++) {
      if (mask !== undefined && mask[row] > 0) continue;
      const seconds = Math.floor((columns.time[row] - baseTime) / 1000);
      if (seconds > MAX_INT32) throw new RangeError('Event times span more than 68 years');
      time[r] = seconds;
      lon[r] = columns.lon[row];
      lat[r] = columns.lat[row];
      category[r] = columns.category[row];
      kind[r] = columns.kind[row];
      severity[r] = columns.severity[row];
      grading[r] = columns.grading[row];
      mode[r] = columns.mode[row];
      source[r] = globalSource[columns.source[row]];
      chunkRow[r] = row;

      let high = columns.cellHigh[row];
      let low = columns.cellLow[row];
      if (cellMode(high) !== 1 || cellResolution(high) < BASE_CELL_RESOLUTION) {
        [low, high] = h3IndexToSplitLong(latLngToCell(columns.lat[row], columns.lon[row], BASE_CELL_RESOLUTION));
      }
      const key = cellKey(parentCellHigh(high, MAX_TABLE_RESOLUTION), parentCellLow(low, MAX_TABLE_RESOLUTION));
      let p = provisional9.get(key);
      if (p === undefined) {
        p = keys9.length;
        keys9.push(key);
        provisional9.set(key, p);
      }
      cell9[r] = p;
      r++;
    }
  });

  const levels: CellLevel[] = [];
  for (let resolution = MIN_TABLE_RESOLUTION; resolution <= MAX_TABLE_RESOLUTION; resolution++) {
    // Map every distinct resolution-9 cell to its parent's provisional index, then sort.
    const parentKeys: number[] = [];
    const parentOf = new Uint32Array(keys9.length);
    const provisional = new Map<number, number>();
    keys9.forEach((key9, p9) => {
      const high = parentCellHigh(cellKeyHigh(key9, MAX_TABLE_RESOLUTION), resolution);
      const low = parentCellLow(cellKeyLow(key9), resolution);
      const key = cellKey(high, low);
      let p = provisional.get(key);
      if (p === undefined) {
        p = parentKeys.length;
        parentKeys.push(key);
        provisional.set(key, p);
      }
      parentOf[p9] = p;
    });
    const dictionary = sortedDictionary(parentKeys, resolution);
    const index = indexColumn(count, dictionary.high.length);
    for (let e = 0; e < count; e++) index[e] = dictionary.rank[parentOf[cell9[e]]];
    levels.push({ resolution, index, high: dictionary.high, low: dictionary.low });
  }

  const rows = { chunks, chunkStart, chunkRow };
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
  );
  const channelGrid = new ChannelGrid(channels, channelRadiusKm);
  const channelAttribution = attributeRows(
    rows,
    'channel',
    channels.map((channel) => channel.id),
    (x, y) => channelGrid.nearest(x, y),
  );

  return {
    count,
    baseTime,
    time,
    lon,
    lat,
    category,
    kind,
    severity,
    grading,
    mode,
    source,
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
