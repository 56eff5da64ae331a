import { EVENT_CHUNK_FORMAT_VERSION, type EventChunk, type EventChunkColumns, type EventChunkMeta } from './EventChunk.ts';
import { lazyChunkStrings } from './lazyChunkStrings.ts';

/**
 * Version of the chunk layout as persisted. Version 1 stored `EventChunk` as it is in memory
 * (one JS string per row for ids, links and descriptions); version 2 packed each per-row text
 * column into one string plus a Uint32Array of lengths, which IndexedDB clones as two blocks
 * instead of millions of strings; version 3 (written now) can store rows that are pure ASCII as
 * one byte per character and only the others as a string (a string holding one non-Latin-1
 * character, or sliced from one — as every field cut from a decoded feed with some Chinese text
 * is — is cloned at two bytes per character), with lengths in the narrowest array that holds
 * them. `restoreEventChunk` reads all three.
 */
export const STORED_CHUNK_FORMAT_VERSION = 3;

/** A per-row text column as format 2 packed it: one string and the length of each row's piece. */
export interface PackedStrings {
  text: string;
  lengths: Uint32Array;
}

/** A per-row text column as format 3 packs it. */
export interface PackedText {
  /** The characters of the pure-ASCII rows, one byte each, in row order. */
  ascii: Uint8Array;
  /** The other rows joined, in row order. */
  wide: string;
  /** Each row's length in UTF-16 units, in the narrowest unsigned array that holds the longest. */
  lengths: Uint8Array | Uint16Array | Uint32Array;
  /** 1 for each row kept in `wide`, 0 for rows in `ascii`; null when every row is ASCII. */
  wideRows: Uint8Array | null;
}

/** An EventChunk as persisted (format 3). */
export interface StoredEventChunk {
  formatVersion: typeof STORED_CHUNK_FORMAT_VERSION;
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
export type AnyStoredEventChunk = EventChunk | StoredEventChunkV2 | StoredEventChunk;

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

function lengthArray(count: number, longest: number): Uint8Array | Uint16Array | Uint32Array {
  if (longest <= 0xff) return new Uint8Array(count);
  if (longest <= 0xffff) return new Uint16Array(count);
  return new Uint32Array(count);
}

/**
 * Packs a per-row text column (format 3): rows that are pure ASCII as one byte per character, the
 * others joined into one string. One pass over the characters decides and copies (about what
 * joining every row cost), and an English description is stored in half the bytes: 12% smaller
 * demo chunks than keeping a mixed column whole.
 */
export function packText(values: readonly string[]): PackedText {
  // Named through the prototype: the rows come in many string shapes (see recordContentHash).
  const charCodeAt = String.prototype.charCodeAt;
  const count = values.length;
  let longest = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const length = values[i].length;
    total += length;
    if (length > longest) longest = length;
  }
  const lengths = lengthArray(count, longest);
  const bytes = new Uint8Array(total);
  const wide: string[] = [];
  let wideRows: Uint8Array | null = null;
  let at = 0;
  for (let row = 0; row < count; row++) {
    const value = values[row];
    const length = value.length;
    lengths[row] = length;
    const start = at;
    for (let i = 0; i < length; i++) {
      const code = charCodeAt.call(value, i) as number;
      if (code > 0x7f) {
        at = start;
        break;
      }
      bytes[at++] = code;
    }
    if (at - start !== length) {
      wideRows ??= new Uint8Array(count);
      wideRows[row] = 1;
      wide.push(value);
    }
  }
  return { ascii: at === total ? bytes : bytes.slice(0, at), wide: wide.join(''), lengths, wideRows };
}

const asciiDecoder = new TextDecoder('utf-8', { fatal: true });

/** Inverse of packText; refuses data whose parts do not add up. */
export function unpackText({ ascii, wide, lengths, wideRows }: PackedText): string[] {
  const count = lengths.length;
  if (wideRows !== null && wideRows.length !== count) throw new Error('Corrupt packed text: row flags do not match the lengths');
  const asciiText = ascii.length === 0 ? '' : asciiDecoder.decode(ascii);
  if (asciiText.length !== ascii.length) throw new Error('Corrupt packed text: the ASCII part holds other bytes');
  const values = new Array<string>(count);
  let a = 0;
  let w = 0;
  for (let row = 0; row < count; row++) {
    const length = lengths[row];
    if (wideRows !== null && wideRows[row] !== 0) {
      values[row] = wide.slice(w, w + length);
      w += length;
    } else {
      values[row] = asciiText.slice(a, a + length);
      a += length;
    }
  }
  if (a !== asciiText.length || w !== wide.length) throw new Error('Corrupt packed text: lengths do not match the text');
  return values;
}

/**
 * Checks, without building any string, that a packed text column has `count` rows whose lengths
 * add up to its parts; unpackText's remaining check (ASCII bytes) runs when the column is read.
 */
function checkPackedText({ ascii, wide, lengths, wideRows }: PackedText, count: number): void {
  if (lengths.length !== count) throw new Error('Corrupt packed text: row count does not match the chunk');
  if (wideRows !== null && wideRows.length !== count) throw new Error('Corrupt packed text: row flags do not match the lengths');
  let a = 0;
  let w = 0;
  for (let row = 0; row < count; row++) {
    if (wideRows !== null && wideRows[row] !== 0) w += lengths[row];
    else a += lengths[row];
  }
  if (a !== ascii.length || w !== wide.length) throw new Error('Corrupt packed text: lengths do not match the text');
}

/** The persisted form of a chunk (format 3). Columns are shared, not copied. */
export function toStoredEventChunk(chunk: EventChunk): StoredEventChunk {
  const { sources, sites, channels, ids, links, descriptions } = chunk.strings;
  return {
    formatVersion: STORED_CHUNK_FORMAT_VERSION,
    columns: chunk.columns,
    strings: { sources, sites, channels, ids: packText(ids), links: packText(links), descriptions: packText(descriptions) },
    meta: chunk.meta,
  };
}

/**
 * The one restore path for every stored chunk: reads format 1 (in-memory layout), format 2
 * (packed strings) and format 3 (ASCII bytes + wide text) into the in-memory EventChunk; refuses
 * unknown versions. Format 3's per-row text columns are checked at once but unpacked when first
 * read (lazyChunkStrings).
 */
export function restoreEventChunk(stored: AnyStoredEventChunk): EventChunk {
  switch (stored.formatVersion) {
    case EVENT_CHUNK_FORMAT_VERSION:
      return stored as EventChunk;
    case 2: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunkV2).strings;
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: stored.columns,
        strings: { sources, sites, channels, ids: unpackStrings(ids), links: unpackStrings(links), descriptions: unpackStrings(descriptions) },
        meta: stored.meta,
      };
    }
    case STORED_CHUNK_FORMAT_VERSION: {
      const { sources, sites, channels, ids, links, descriptions } = (stored as StoredEventChunk).strings;
      for (const packed of [ids, links, descriptions]) checkPackedText(packed, stored.meta.count);
      return {
        formatVersion: EVENT_CHUNK_FORMAT_VERSION,
        columns: stored.columns,
        // Unpacked on first read: a cold start needs the numbers of every row, the text of few.
        strings: lazyChunkStrings(
          { sources, sites, channels },
          { ids: () => unpackText(ids), links: () => unpackText(links), descriptions: () => unpackText(descriptions) },
        ),
        meta: stored.meta,
      };
    }
    default:
      throw new Error(`Unknown stored chunk format ${String((stored as { formatVersion: unknown }).formatVersion)}`);
  }
}
