import type { EventChunk } from '../events/EventChunk.ts';
import { ChannelGrid } from './ChannelGrid.ts';
import type { EventTable } from './EventTable.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
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

/**
 * Attributes each row to a place: its explicit `column` value when the record names one, else
 * `nearest(lon, lat)` (an index into `referenceIds`, or -1). Reads positions at full precision
 * from the chunks.
 */
export function attributeRows(
  rows: RowSource,
  column: 'site' | 'channel',
  referenceIds: readonly string[],
  nearest: (lon: number, lat: number) => number,
): Pick<PlaceAttribution, 'ids' | 'referenceCount' | 'index'> {
  const ids = referenceIds.slice();
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!indexOf.has(id)) indexOf.set(id, i);
  });
  const count = rows.chunkStart[rows.chunks.length] ?? 0;
  const index = new Uint16Array(count);
  rows.chunks.forEach((chunk, c) => {
    const names = column === 'site' ? chunk.strings.sites : chunk.strings.channels;
    const global = names.map((name) => {
      let i = indexOf.get(name);
      if (i === undefined) {
        i = ids.length;
        ids.push(name);
        indexOf.set(name, i);
      }
      return i + 1;
    });
    if (ids.length > 0xffff) throw new RangeError(`More than 65535 distinct ${column} ids`);
    const explicit = chunk.columns[column];
    const { lon, lat } = chunk.columns;
    for (let r = rows.chunkStart[c]; r < rows.chunkStart[c + 1]; r++) {
      const row = rows.chunkRow[r];
      const named = explicit[row];
      index[r] = named !== 0 ? global[named - 1] : nearest(lon[row], lat[row]) + 1;
    }
  });
  return { ids, referenceCount: referenceIds.length, index };
}

/** Attributions computed for a table beyond its own columns, by column, radius and place list. */
const cache = new WeakMap<EventTable, Map<string, PlaceAttribution>>();

/** How many extra attributions a table keeps; each is a Uint16 per event. */
const CACHE_LIMIT = 4;

/**
 * The table's own attribution when `places` and `radiusKm` equal (by value) the ones it was built
 * with, else a cached or freshly computed one.
 */
function attribution(
  table: EventTable,
  column: 'site' | 'channel',
  places: readonly object[],
  radiusKm: number,
  compute: () => PlaceAttribution,
): PlaceAttribution {
  const own = column === 'site' ? table.sites : table.channels;
  const ownRadius = column === 'site' ? table.siteRadiusKm : table.channelRadiusKm;
  const signature = places === own ? null : JSON.stringify(places);
  if (radiusKm === ownRadius && (signature === null || signature === JSON.stringify(own))) {
    return column === 'site'
      ? { ids: table.siteIds, referenceCount: table.referenceSiteCount, index: table.site, radiusKm }
      : { ids: table.channelIds, referenceCount: table.referenceChannelCount, index: table.channel, radiusKm };
  }
  let byKey = cache.get(table);
  if (byKey === undefined) cache.set(table, (byKey = new Map()));
  const key = `${column}:${radiusKm}:${signature ?? JSON.stringify(own)}`;
  let found = byKey.get(key);
  if (found === undefined) {
    if (byKey.size >= CACHE_LIMIT) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, (found = compute()));
  }
  return found;
}

/**
 * Site of every event for a list of reference sites and a radius: the explicit site when the
 * record names one, else the nearest site within `radiusKm`. Returns the table's precomputed
 * column when the list and radius equal the table's own; otherwise computes once and caches.
 */
export function attributeSites(table: EventTable, sites: readonly ReferenceSite[], radiusKm: number): PlaceAttribution {
  return attribution(table, 'site', sites, radiusKm, () => {
    const grid = new SiteGrid(
      sites.map((site) => site.lon),
      sites.map((site) => site.lat),
      radiusKm,
    );
    const ids = sites.map((site) => site.id);
    return { ...attributeRows(table, 'site', ids, (lon, lat) => grid.nearest(lon, lat)), radiusKm };
  });
}

/**
 * Channel of every event: the explicit channel when the record names one, else the channel whose
 * polyline passes nearest within `radiusKm`. Cached like attributeSites.
 */
export function attributeChannels(
  table: EventTable,
  channels: readonly ReferenceChannel[],
  radiusKm: number,
): PlaceAttribution {
  return attribution(table, 'channel', channels, radiusKm, () => {
    const grid = new ChannelGrid(channels, radiusKm);
    const ids = channels.map((channel) => channel.id);
    return { ...attributeRows(table, 'channel', ids, (lon, lat) => grid.nearest(lon, lat)), radiusKm };
  });
}
