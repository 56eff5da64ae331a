import { EVENT_CHUNK_FORMAT_VERSION, type EventChunk, type EventChunkColumns, type EventChunkMeta } from './EventChunk.ts';
import { lazyChunkStrings } from './lazyChunkStrings.ts';
import { checkPackedText, packText, unpackText, type PackedText } from './packText.ts';
import { restoreColumns, storeColumns, type StoredColumns } from './StoredColumns.ts';
import { checkTextColumn, restoreTextColumn, storeTextColumn, type StoredTextColumn } from './StoredTextColumn.ts';

/**
 * Version of the chunk layout as persisted. Version 1 stored `EventChunk` as it is in memory
 * (one JS string per row for ids, links and descriptions); version 2 packed each per-row text
 * column into one string plus a Uint32Array of lengths, which IndexedDB clones as two blocks
 * instead of millions of strings; version 3 stored pure-ASCII rows as one byte per character and
 * the others as a string (PackedText). Version 4 (written now) stores text as UTF-8 joined in
 * native code, repeated descriptions as a dictionary, and the numeric columns in fewer bytes
 * (StoredColumns): a third smaller than version 3 on the demo feed, which IndexedDB writes in
 * proportionally less time. `restoreEventChunk` reads all four.
 */
export const STORED_CHUNK_FORMAT_VERSION = 4;

/** An EventChunk as persisted (format 4). */
export interface StoredEventChunk {
  formatVersion: typeof STORED_CHUNK_FORMAT_VERSION;
  columns: StoredColumns;
  strings: {
    sources: string[];
    sites: string[];
    channels: string[];
    ids: StoredTextColumn;
    links: StoredTextColumn;
    descriptions: StoredTextColumn;
  };
  meta: EventChunkMeta;
}

/** An EventChunk as format 3 persisted it; still read. */
export interface StoredEventChunkV3 {
  formatVersion: 3;
  columns: EventChunkColumns;
  strings: {
    sources: string[];
    sites: string[];
    channels: string[];
    ids: PackedText;
    links: PackedText;
    descriptions: PackedText;
  };
  meta: EventChunkMeta;
}

/** A per-row text column as format 2 packed it: one string and the length of each row's piece. */
export interface PackedStrings {
  text: string;
  lengths: Uint32Array;
}

/** An EventChunk as format 2 persisted it; still read. */
export interface StoredEventChunkV2 {
  formatVersion: 2;
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

/** Any chunk layout ever persisted. */
export type AnyStoredEventChunk = EventChunk | StoredEventChunkV2 | StoredEventChunkV3 | StoredEventChunk;

/**
 * A chunk as format 3 stored it (kept for tests of the restore path and the bench's comparison of
 * layouts).
 */
export function storeAsFormat3(chunk: EventChunk): StoredEventChunkV3 {
  const { ids, links, descriptions } = chunk.strings;
  return {
    formatVersion: 3,
    columns: chunk.columns,
    strings: { ...chunk.strings, ids: packText(ids), links: packText(links), descriptions: packText(descriptions) },
    meta: chunk.meta,
  };
}

/** Packs a per-row text column the format 2 way (kept for tests of the restore path). */
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

/** The persisted form of a chunk (format 4). Columns it does not re-encode are shared, not copied. */
export function toStoredEventChunk(chunk: EventChunk): StoredEventChunk {
  const { sources, sites, channels, ids, links, descriptions } = chunk.strings;
  return {
    formatVersion: STORED_CHUNK_FORMAT_VERSION,
    columns: storeColumns(chunk.columns, { sources: sources.length, sites: sites.length, channels: channels.length }),
    strings: {
      sources,
      sites,
      channels,
      // Ids never repeat within a source, and links are mostly empty: only descriptions may pay.
      ids: storeTextColumn(ids, { dictionary: false }),
      links: storeTextColumn(links, { dictionary: false }),
      descriptions: storeTextColumn(descriptions, { dictionary: true }),
    },
    meta: chunk.meta,
  };
}

/**
 * The one restore path for every stored chunk: reads format 1 (in-memory layout), 2 (packed
 * strings), 3 (ASCII bytes + wide text) and 4 (StoredColumns + StoredTextColumn) into the
 * in-memory EventChunk; refuses unknown versions and parts that do not add up. Per-row text of
 * formats 3 and 4 is checked at once but unpacked when first read (lazyChunkStrings): a cold start
 * needs the numbers of every row, the text of few.
 */
export function restoreEventChunk(stored: AnyStoredEventChunk): EventChunk {
  switch (stored.formatVersion) {
    case EVENT_CHUNK_FORMAT_VERSION:
      return stored as EventChunk;
    case 2: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunkV2).strings;
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: (stored as StoredEventChunkV2).columns,
        strings: { sources, sites, channels, ids: unpackStrings(ids), links: unpackStrings(links), descriptions: unpackStrings(descriptions) },
        meta: stored.meta,
      };
    }
    case 3: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunkV3).strings;
      for (const packed of [ids, links, descriptions]) checkPackedText(packed, stored.meta.count);
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: (stored as StoredEventChunkV3).columns,
        strings: lazyChunkStrings(
          { sources, sites, channels },
          { ids: () => unpackText(ids), links: () => unpackText(links), descriptions: () => unpackText(descriptions) },
        ),
        meta: stored.meta,
      };
    }
    case STORED_CHUNK_FORMAT_VERSION: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunk).strings;
      const count = stored.meta.count;
      for (const column of [ids, links, descriptions]) checkTextColumn(column, count);
      const sizes = { sources: sources.length, sites: sites.length, channels: channels.length };
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: restoreColumns((stored as StoredEventChunk).columns, count, sizes),
        strings: lazyChunkStrings(
          { sources, sites, channels },
          { ids: () => restoreTextColumn(ids), links: () => restoreTextColumn(links), descriptions: () => restoreTextColumn(descriptions) },
        ),
        meta: stored.meta,
      };
    }
    default:
      throw new Error(`Unknown stored chunk format ${String((stored as { formatVersion: unknown }).formatVersion)}`);
  }
}
