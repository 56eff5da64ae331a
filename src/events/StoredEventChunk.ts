import { EVENT_CHUNK_FORMAT_VERSION, type EventChunk, type EventChunkColumns, type EventChunkMeta } from './EventChunk.ts';
import { lazyChunkStrings } from './lazyChunkStrings.ts';
import { checkPackedText, packText, unpackText, type PackedText } from './packText.ts';
import { restoreColumns, storeColumns, type StoredColumns, type StoredColumnsV4 } from './StoredColumns.ts';
import { checkTextColumn, restoreTextColumn, storeTextColumn, type StoredTextColumn } from './StoredTextColumn.ts';

/**
 * Version of the chunk layout as persisted. Version 1 stored `EventChunk` as it is in memory
 * (one JS string per row for ids, links and descriptions); version 2 packed each per-row text
 * column into one string plus a Uint32Array of lengths, which IndexedDB clones as two blocks
 * instead of millions of strings; version 3 stored pure-ASCII rows as one byte per character and
 * the others as a string (PackedText). Version 4 stored text as UTF-8 joined in native code,
 * repeated descriptions as a dictionary, and the numeric columns in fewer bytes (StoredColumns): a
 * third smaller than version 3 on the demo feed, which IndexedDB writes in proportionally less
 * time. Version 5 (written now) is version 4 plus each row's handling code (null when no row has
 * one). `restoreEventChunk` reads all five; chunks of versions 1–4 come back with no handling code
 * on any row, since their feeds could not give one.
 */
export const STORED_CHUNK_FORMAT_VERSION = 5;

/** The per-row and dictionary text of a chunk as formats 4 and 5 store it. */
export interface StoredChunkStrings {
  sources: string[];
  sites: string[];
  channels: string[];
  ids: StoredTextColumn;
  links: StoredTextColumn;
  descriptions: StoredTextColumn;
}

/** An EventChunk as persisted (format 5). */
export interface StoredEventChunk {
  formatVersion: typeof STORED_CHUNK_FORMAT_VERSION;
  columns: StoredColumns;
  strings: StoredChunkStrings;
  meta: EventChunkMeta;
}

/** An EventChunk as format 4 persisted it (no handling codes); still read. */
export interface StoredEventChunkV4 {
  formatVersion: 4;
  columns: StoredColumnsV4;
  strings: StoredChunkStrings;
  meta: EventChunkMeta;
}

/** The in-memory columns as formats 1–3 had them: without handling codes. */
export type EventChunkColumnsV1 = Omit<EventChunkColumns, 'handling'>;

/** An EventChunk as format 1 persisted it: the in-memory layout of its day, without handling codes. */
export interface StoredEventChunkV1 {
  formatVersion: 1;
  columns: EventChunkColumnsV1 & { handling?: Uint8Array };
  strings: EventChunk['strings'];
  meta: EventChunkMeta;
}

/** An EventChunk as format 3 persisted it; still read. */
export interface StoredEventChunkV3 {
  formatVersion: 3;
  columns: EventChunkColumnsV1;
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
  columns: EventChunkColumnsV1;
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
export type AnyStoredEventChunk = EventChunk | StoredEventChunkV1 | StoredEventChunkV2 | StoredEventChunkV3 | StoredEventChunkV4 | StoredEventChunk;

/** The columns of a chunk without its handling codes, as formats 1–4 had them. */
function withoutHandling<T extends { handling: unknown }>(columns: T): Omit<T, 'handling'> {
  const { handling: _handling, ...rest } = columns;
  return rest;
}

/** Columns of a format 1–3 chunk with the handling column it could not have: no code on any row. */
function withNoHandling(columns: EventChunkColumnsV1 & { handling?: Uint8Array }, count: number): EventChunkColumns {
  return { ...columns, handling: columns.handling ?? new Uint8Array(count) };
}

/**
 * A chunk as format 3 stored it (kept for tests of the restore path and the bench's comparison of
 * layouts); handling codes are dropped, as format 3 had none.
 */
export function storeAsFormat3(chunk: EventChunk): StoredEventChunkV3 {
  const { ids, links, descriptions } = chunk.strings;
  return {
    formatVersion: 3,
    columns: withoutHandling(chunk.columns),
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

/** A chunk as format 4 stored it (kept for tests of the restore path); handling codes are dropped. */
export function storeAsFormat4(chunk: EventChunk): StoredEventChunkV4 {
  const stored = toStoredEventChunk(chunk);
  return { ...stored, formatVersion: 4, columns: withoutHandling(stored.columns) };
}

/** The persisted form of a chunk (format 5). Columns it does not re-encode are shared, not copied. */
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

/** Restores the columns and text of a format 4 or 5 chunk. */
function restoreStoredChunk(columns: StoredColumns, strings: StoredChunkStrings, meta: EventChunkMeta): EventChunk {
  const { sources, sites, channels, ids, links, descriptions } = strings;
  const count = meta.count;
  for (const column of [ids, links, descriptions]) checkTextColumn(column, count);
  const sizes = { sources: sources.length, sites: sites.length, channels: channels.length };
  return {
    formatVersion: EVENT_CHUNK_FORMAT_VERSION,
    columns: restoreColumns(columns, count, sizes),
    strings: lazyChunkStrings(
      { sources, sites, channels },
      { ids: () => restoreTextColumn(ids), links: () => restoreTextColumn(links), descriptions: () => restoreTextColumn(descriptions) },
    ),
    meta,
  };
}

/**
 * The one restore path for every stored chunk: reads format 1 (in-memory layout), 2 (packed
 * strings), 3 (ASCII bytes + wide text), 4 (StoredColumns + StoredTextColumn) and 5 (format 4 plus
 * handling codes) into the in-memory EventChunk; refuses unknown versions and parts that do not
 * add up. Formats 1–4 predate handling codes: every row comes back with none (code 0), the same as
 * a feed row that gives none. Per-row text of formats 3–5 is checked at once but unpacked when
 * first read (lazyChunkStrings): a cold start needs the numbers of every row, the text of few.
 */
export function restoreEventChunk(stored: AnyStoredEventChunk): EventChunk {
  switch (stored.formatVersion) {
    case EVENT_CHUNK_FORMAT_VERSION: {
      // An in-memory chunk of today has its handling column and is returned as it is.
      const v1 = stored as EventChunk | StoredEventChunkV1;
      if (v1.columns.handling !== undefined) return v1 as EventChunk;
      return { ...v1, columns: withNoHandling(v1.columns, v1.meta.count) };
    }
    case 2: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunkV2).strings;
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: withNoHandling((stored as StoredEventChunkV2).columns, stored.meta.count),
        strings: { sources, sites, channels, ids: unpackStrings(ids), links: unpackStrings(links), descriptions: unpackStrings(descriptions) },
        meta: stored.meta,
      };
    }
    case 3: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunkV3).strings;
      for (const packed of [ids, links, descriptions]) checkPackedText(packed, stored.meta.count);
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: withNoHandling((stored as StoredEventChunkV3).columns, stored.meta.count),
        strings: lazyChunkStrings(
          { sources, sites, channels },
          { ids: () => unpackText(ids), links: () => unpackText(links), descriptions: () => unpackText(descriptions) },
        ),
        meta: stored.meta,
      };
    }
    case 4: {
      const v4 = stored as StoredEventChunkV4;
      return restoreStoredChunk({ ...v4.columns, handling: null }, v4.strings, v4.meta);
    }
    case STORED_CHUNK_FORMAT_VERSION: {
      const v5 = stored as StoredEventChunk;
      return restoreStoredChunk(v5.columns, v5.strings, v5.meta);
    }
    default:
      throw new Error(`Unknown stored chunk format ${String((stored as { formatVersion: unknown }).formatVersion)}`);
  }
}
