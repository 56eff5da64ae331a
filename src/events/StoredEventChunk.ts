import { EVENT_CHUNK_FORMAT_VERSION, type EventChunk, type EventChunkColumns, type EventChunkMeta } from './EventChunk.ts';

/**
 * Version of the chunk layout as persisted. Version 1 stored `EventChunk` as it is in memory
 * (one JS string per row for ids, links and descriptions); version 2 packs each per-row text
 * column into one string plus a Uint32Array of lengths, which IndexedDB clones as two blocks
 * instead of millions of strings. `restoreEventChunk` reads both.
 */
export const STORED_CHUNK_FORMAT_VERSION = 2;

/** A per-row text column packed as one string and the length of each row's piece. */
export interface PackedStrings {
  text: string;
  lengths: Uint32Array;
}

/** An EventChunk as persisted (format 2). */
export interface StoredEventChunk {
  formatVersion: typeof STORED_CHUNK_FORMAT_VERSION;
  columns: EventChunkColumns;
  strings: {
    sources: string[];
    sites: string[];
    channels: string[];
    ids: PackedStrings;
    links: PackedStrings;
    descriptions: PackedStrings;
  };
  meta: EventChunkMeta;
}

/** Packs a per-row text column. */
export function packStrings(values: readonly string[]): PackedStrings {
  const lengths = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) lengths[i] = values[i].length;
  return { text: values.join(''), lengths };
}

/** Inverse of packStrings. */
export function unpackStrings({ text, lengths }: PackedStrings): string[] {
  const values = new Array<string>(lengths.length);
  let offset = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = offset + lengths[i];
    values[i] = text.slice(offset, end);
    offset = end;
  }
  if (offset !== text.length) throw new Error('Corrupt packed strings: lengths do not match the text');
  return values;
}

/** The persisted form of a chunk (format 2). Columns are shared, not copied. */
export function toStoredEventChunk(chunk: EventChunk): StoredEventChunk {
  const { sources, sites, channels, ids, links, descriptions } = chunk.strings;
  return {
    formatVersion: STORED_CHUNK_FORMAT_VERSION,
    columns: chunk.columns,
    strings: { sources, sites, channels, ids: packStrings(ids), links: packStrings(links), descriptions: packStrings(descriptions) },
    meta: chunk.meta,
  };
}

/**
 * The one restore path for every stored chunk: reads format 1 (in-memory layout) and format 2
 * (packed strings) into the in-memory EventChunk; refuses unknown versions.
 */
export function restoreEventChunk(stored: EventChunk | StoredEventChunk): EventChunk {
  if (stored.formatVersion === EVENT_CHUNK_FORMAT_VERSION) return stored as EventChunk;
  if (stored.formatVersion === STORED_CHUNK_FORMAT_VERSION) {
    const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunk).strings;
    return {
      formatVersion: EVENT_CHUNK_FORMAT_VERSION,
      columns: stored.columns,
      strings: { sources, sites, channels, ids: unpackStrings(ids), links: unpackStrings(links), descriptions: unpackStrings(descriptions) },
      meta: stored.meta,
    };
  }
  throw new Error(`Unknown stored chunk format ${String((stored as { formatVersion: unknown }).formatVersion)}`);
}
