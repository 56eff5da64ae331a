import type { EventChunk } from '../events/EventChunk.ts';
import { ChannelGrid } from './ChannelGrid.ts';
import type { EventTable } from './EventTable.ts';
import type { QueryCaches } from './QueryCaches.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { UNDECIDED } from './BoxDecision.ts';
import { SiteGrid } from './SiteGrid.ts';

/** Default radius within which an event without an explicit site is attributed to the nearest one. */
export const DEFAULT_SITE_RADIUS_KM = 3;

/** Per-event place attribution against one list of reference places. */
export interface PlaceAttribution {
  /** The reference ids in their given order, then ids only records name. */
  ids: string[];
  referenceCount: number;
  /** Per event: 0 = none, else 1 + index into `ids`. */
  index: Uint16Array;
  radiusKm: number;
}

/** Where the rows of a table live, enough to read their explicit place and position. */
export interface RowSource {
  chunks: readonly EventChunk[];
  chunkStart: Uint32Array;
  chunkRow: ArrayLike<number>;
}

/** Sub-boxes per side into which decideCells splits a cell whose box it cannot decide whole. */
const SPLIT = 4;

/**
 * Per row, the answer its place search would give when it can be known without one (UNDECIDED
 * elsewhere): rows grouped into small cells whose every point gets the same answer, and cells
 * that straddle a tie or the radius split into SPLIT × SPLIT sub-boxes decided the same way.
 */
export interface CellShortcut {
  /** Per table row: its cell. */
  cellOf: Uint32Array;
  /** cellBoxes of the cells. */
  boxes: Float64Array;
  /** Per cell: the answer every point of the cell's box gets, or UNDECIDED. */
  decided: Int32Array;
  /** Per cell, SPLIT × SPLIT answers of its sub-boxes (row-major from the south-west), for undecided cells. */
  split: Int32Array;
}

/**
 * Bounding boxes (minLon, minLat, maxLon, maxLat per cell) of the rows of each cell, from float32
 * positions widened by a margin so that they hold the rows' full-precision positions too.
 */
export function cellBoxes(cellOf: Uint32Array, cellCount: number, lon: Float32Array, lat: Float32Array): Float64Array {
  // A float32 longitude or latitude is within 4e-6° of the float64 it was rounded from.
  const margin = 1e-5;
  const boxes = new Float64Array(cellCount * 4);
  for (let at = 0; at < boxes.length; at += 4) {
    boxes[at] = boxes[at + 1] = Infinity;
    boxes[at + 2] = boxes[at + 3] = -Infinity;
  }
  for (let i = 0; i < cellOf.length; i++) {
    const at = 4 * cellOf[i];
    const x = lon[i];
    const y = lat[i];
    if (x < boxes[at]) boxes[at] = x;
    if (y < boxes[at + 1]) boxes[at + 1] = y;
    if (x > boxes[at + 2]) boxes[at + 2] = x;
    if (y > boxes[at + 3]) boxes[at + 3] = y;
  }
  for (let at = 0; at < boxes.length; at += 4) {
    boxes[at] -= margin;
    boxes[at + 1] -= margin;
    boxes[at + 2] += margin;
    boxes[at + 3] += margin;
  }
  return boxes;
}

/**
 * The shortcut for rows in cells `cellOf` with boxes `boxes` (cellBoxes): `decideBox` per cell,
 * and per sub-box of each cell it leaves UNDECIDED.
 */
export function decideCells(
  cellOf: Uint32Array,
  boxes: Float64Array,
  decideBox: (minLon: number, minLat: number, maxLon: number, maxLat: number) => number,
): CellShortcut {
  const cells = boxes.length / 4;
  const decided = new Int32Array(cells).fill(UNDECIDED);
  const split = new Int32Array(cells * SPLIT * SPLIT).fill(UNDECIDED);
  for (let k = 0; k < cells; k++) {
    const at = 4 * k;
    const minLon = boxes[at];
    const minLat = boxes[at + 1];
    const maxLon = boxes[at + 2];
    const maxLat = boxes[at + 3];
    if (!(minLon <= maxLon)) continue;
    decided[k] = decideBox(minLon, minLat, maxLon, maxLat);
    if (decided[k] !== UNDECIDED) continue;
    const width = (maxLon - minLon) / SPLIT;
    const height = (maxLat - minLat) / SPLIT;
    for (let j = 0; j < SPLIT; j++) {
      for (let i = 0; i < SPLIT; i++) {
        // Sub-boxes overlap by a hair, so rounding in subBoxOf never puts a point outside its own.
        split[k * SPLIT * SPLIT + j * SPLIT + i] = decideBox(
          minLon + i * width - SUB_BOX_MARGIN,
          minLat + j * height - SUB_BOX_MARGIN,
          minLon + (i + 1) * width + SUB_BOX_MARGIN,
          minLat + (j + 1) * height + SUB_BOX_MARGIN,
        );
      }
    }
  }
  return { cellOf, boxes, decided, split };
}

/** Degrees by which neighbouring sub-boxes overlap. */
const SUB_BOX_MARGIN = 1e-9;

/** The index of the sub-box of cell box `at` in `boxes` that holds the point. */
function subBoxOf(boxes: Float64Array, at: number, lon: number, lat: number): number {
  const i = Math.min(SPLIT - 1, Math.max(0, Math.floor(((lon - boxes[at]) / (boxes[at + 2] - boxes[at])) * SPLIT)));
  const j = Math.min(SPLIT - 1, Math.max(0, Math.floor(((lat - boxes[at + 1]) / (boxes[at + 3] - boxes[at + 1])) * SPLIT)));
  return j * SPLIT + i;
}

/**
 * Attributes each row to a place: its explicit `column` value when the record names one, else
 * `nearest(lon, lat)` (an index into `referenceIds`, or -1). Reads positions at full precision
 * from the chunks. With a `shortcut`, rows of a cell whose whole box gets one answer take it
 * without a search of their own.
 */
export function attributeRows(
  rows: RowSource,
  column: 'site' | 'channel',
  referenceIds: readonly string[],
  nearest: (lon: number, lat: number) => number,
  shortcut?: CellShortcut,
): Pick<PlaceAttribution, 'ids' | 'referenceCount' | 'index'> {
  const ids = referenceIds.slice();
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!indexOf.has(id)) indexOf.set(id, i);
  });
  const count = rows.chunkStart[rows.chunks.length] ?? 0;
  const index = new Uint16Array(count);
  const cellOf = shortcut?.cellOf ?? null;
  const decided = shortcut?.decided ?? null;
  const boxes = shortcut?.boxes ?? null;
  const split = shortcut?.split ?? null;
  const { chunkStart, chunkRow } = rows;
  rows.chunks.forEach((chunk, c) => {
    const names = column === 'site' ? chunk.strings.sites : chunk.strings.channels;
    // 1 + global index of each name of the chunk, 0 until a live row names it: a name that only
    // superseded rows carry is no place of the table.
    const global = new Int32Array(names.length);
    const globalIndex = (code: number): number => {
      let i = indexOf.get(names[code]);
      if (i === undefined) {
        i = ids.length;
        if (i >= 0xffff) throw new RangeError(`More than 65535 distinct ${column} ids`);
        ids.push(names[code]);
        indexOf.set(names[code], i);
      }
      return (global[code] = i + 1);
    };
    const explicit = chunk.columns[column];
    const { lon, lat } = chunk.columns;
    const end = chunkStart[c + 1];
    for (let r = chunkStart[c]; r < end; r++) {
      const row = chunkRow[r];
      const named = explicit[row];
      if (named !== 0) {
        index[r] = global[named - 1] || globalIndex(named - 1);
        continue;
      }
      let shared = UNDECIDED;
      if (cellOf !== null && decided !== null) shared = decided[cellOf[r]];
      if (shared !== UNDECIDED) {
        index[r] = shared + 1;
        continue;
      }
      const x = lon[row];
      const y = lat[row];
      if (cellOf !== null && boxes !== null && split !== null) {
        const cell = cellOf[r];
        shared = split[cell * SPLIT * SPLIT + subBoxOf(boxes, 4 * cell, x, y)];
      }
      index[r] = (shared !== UNDECIDED ? shared : nearest(x, y)) + 1;
    }
  });
  return { ids, referenceCount: referenceIds.length, index };
}

/**
 * The table's own attribution when `places` and `radiusKm` equal (by value) the ones it was built
 * with, else one from `caches` or freshly computed.
 */
function attribution(
  table: EventTable,
  column: 'site' | 'channel',
  places: readonly object[],
  radiusKm: number,
  compute: () => PlaceAttribution,
  caches: QueryCaches | undefined,
): PlaceAttribution {
  const own = column === 'site' ? table.sites : table.channels;
  const ownRadius = column === 'site' ? table.siteRadiusKm : table.channelRadiusKm;
  const signature = places === own ? null : JSON.stringify(places);
  if (radiusKm === ownRadius && (signature === null || signature === JSON.stringify(own))) {
    return column === 'site'
      ? { ids: table.siteIds, referenceCount: table.referenceSiteCount, index: table.site, radiusKm }
      : { ids: table.channelIds, referenceCount: table.referenceChannelCount, index: table.channel, radiusKm };
  }
  if (caches === undefined) return compute();
  return caches.attributionFor(`${column}:${radiusKm}:${signature ?? JSON.stringify(own)}`, compute);
}

/**
 * Site of every event for a list of reference sites and a radius: the explicit site when the
 * record names one, else the nearest site within `radiusKm`. Returns the table's precomputed
 * column when the list and radius equal the table's own; otherwise computes it (once, with `caches`).
 */
export function attributeSites(table: EventTable, sites: readonly ReferenceSite[], radiusKm: number, caches?: QueryCaches): PlaceAttribution {
  return attribution(table, 'site', sites, radiusKm, () => {
    const grid = new SiteGrid(
      sites.map((site) => site.lon),
      sites.map((site) => site.lat),
      radiusKm,
    );
    const ids = sites.map((site) => site.id);
    return { ...attributeRows(table, 'site', ids, (lon, lat) => grid.nearest(lon, lat)), radiusKm };
  }, caches);
}

/**
 * Channel of every event: the explicit channel when the record names one, else the channel whose
 * polyline passes nearest within `radiusKm`. Cached like attributeSites.
 */
export function attributeChannels(
  table: EventTable,
  channels: readonly ReferenceChannel[],
  radiusKm: number,
  caches?: QueryCaches,
): PlaceAttribution {
  return attribution(table, 'channel', channels, radiusKm, () => {
    const grid = new ChannelGrid(channels, radiusKm);
    const ids = channels.map((channel) => channel.id);
    return { ...attributeRows(table, 'channel', ids, (lon, lat) => grid.nearest(lon, lat)), radiusKm };
  }, caches);
}
