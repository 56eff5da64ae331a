import { UNRECOGNISED_HANDLING } from '../domain/handlingCodes.ts';
import type { EventChunkColumns } from './EventChunk.ts';
import { checkMax, narrowed, narrowestUnsignedArray, widenedToUint16, type UnsignedArray } from './narrowestUnsignedArray.ts';

/** Rows whose version (`updated`) differs from their event time, and those versions. */
export interface VersionExceptions {
  /** Row numbers, ascending. */
  rows: UnsignedArray;
  values: Float64Array;
}

/** A Uint32 column as its distinct values plus each row's code into them. */
export interface Uint32Dictionary {
  values: Uint32Array;
  codes: UnsignedArray;
}

/**
 * The numeric columns of a chunk as format 4 stores them: `updated` only where it differs from
 * `time` (a feed without versions has none), dictionary codes in the narrowest array their
 * dictionary allows, and the high half of the H3 cell — shared by the few base cells a region
 * spans — as a dictionary when that is smaller: on the demo feed about 45 bytes per row, where format 3
 * wrote 59.
 */
export type StoredColumns = Omit<EventChunkColumns, 'updated' | 'source' | 'site' | 'channel' | 'cellHigh' | 'handling'> & {
  /** Exceptions to "the version is the event time"; the whole column when most rows are. */
  updated: Float64Array | VersionExceptions;
  source: UnsignedArray;
  site: UnsignedArray;
  channel: UnsignedArray;
  cellHigh: Uint32Array | Uint32Dictionary;
  /**
   * Handling codes (format 5), or null when no row has one: most feeds give none, and a column of
   * zeros would cost a byte per event.
   */
  handling: Uint8Array | null;
};

/** The numeric columns as format 4 stored them: format 5 without handling codes. */
export type StoredColumnsV4 = Omit<StoredColumns, 'handling'>;

/** Sizes of a chunk's string dictionaries, which bound its code columns. */
export interface DictionarySizes {
  sources: number;
  sites: number;
  channels: number;
}

/** A Uint32 dictionary pays when its codes fit one byte. */
const MAX_UINT32_DICTIONARY = 0x100;

function versionExceptions(time: Float64Array, updated: Float64Array): Float64Array | VersionExceptions {
  const count = time.length;
  // An exception takes at least ten bytes (row and value), a plain version eight.
  const most = Math.ceil((count * 8) / 10);
  if (most === 0) return updated;
  const rows: number[] = [];
  for (let row = 0; row < count; row++) {
    // Object.is: a NaN version equal to a NaN time needs no exception, and -0 differs from 0.
    if (!Object.is(updated[row], time[row]) && rows.push(row) >= most) return updated;
  }
  const stored = narrowestUnsignedArray(rows.length, count - 1);
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    stored[i] = rows[i];
    values[i] = updated[rows[i]];
  }
  return { rows: stored, values };
}

function uint32Dictionary(column: Uint32Array): Uint32Array | Uint32Dictionary {
  const codeOf = new Map<number, number>();
  const codes = new Uint8Array(column.length);
  let last = -1;
  let lastCode = 0;
  for (let row = 0; row < column.length; row++) {
    const value = column[row];
    if (value !== last) {
      let code = codeOf.get(value);
      if (code === undefined) {
        if (codeOf.size >= MAX_UINT32_DICTIONARY) return column;
        code = codeOf.size;
        codeOf.set(value, code);
      }
      last = value;
      lastCode = code;
    }
    codes[row] = lastCode;
  }
  return { values: Uint32Array.from(codeOf.keys()), codes };
}

/** The format-5 form of a chunk's numeric columns. Unchanged columns are shared, not copied. */
export function storeColumns(columns: EventChunkColumns, sizes: DictionarySizes): StoredColumns {
  return {
    ...columns,
    updated: versionExceptions(columns.time, columns.updated),
    source: narrowed(columns.source, Math.max(0, sizes.sources - 1)),
    site: narrowed(columns.site, sizes.sites),
    channel: narrowed(columns.channel, sizes.channels),
    cellHigh: uint32Dictionary(columns.cellHigh),
    handling: columns.handling.some((code) => code !== 0) ? columns.handling : null,
  };
}

function restoreUpdated(time: Float64Array, exceptions: Float64Array | VersionExceptions): Float64Array {
  if (ArrayBuffer.isView(exceptions)) return exceptions;
  const { rows, values } = exceptions;
  if (rows.length !== values.length) throw new Error('Corrupt versions: rows and values differ in length');
  const updated = time.slice();
  let previous = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row <= previous || row >= time.length) throw new Error(`Corrupt versions: row ${row} out of order or range`);
    updated[row] = values[i];
    previous = row;
  }
  return updated;
}

function restoreCellHigh(cellHigh: Uint32Array | Uint32Dictionary): Uint32Array {
  if (ArrayBuffer.isView(cellHigh)) return cellHigh;
  const { values, codes } = cellHigh;
  checkMax(codes, values.length - 1, 'cell codes');
  const column = new Uint32Array(codes.length);
  for (let row = 0; row < codes.length; row++) column[row] = values[codes[row]];
  return column;
}

function restoreHandling(handling: Uint8Array | null, count: number): Uint8Array {
  if (handling === null) return new Uint8Array(count);
  checkMax(handling, UNRECOGNISED_HANDLING, 'handling codes');
  return handling;
}

/**
 * The in-memory columns of a format-5 chunk of `count` rows (a format-4 chunk has `handling:
 * null`); throws `Corrupt …` when a column's length, a code or a version row is out of bounds.
 */
export function restoreColumns(stored: StoredColumns, count: number, sizes: DictionarySizes): EventChunkColumns {
  const columns: EventChunkColumns = {
    ...stored,
    updated: restoreUpdated(stored.time, stored.updated),
    source: widenedToUint16(stored.source, sizes.sources - 1, 'source codes'),
    site: widenedToUint16(stored.site, sizes.sites, 'site codes'),
    channel: widenedToUint16(stored.channel, sizes.channels, 'channel codes'),
    cellHigh: restoreCellHigh(stored.cellHigh),
    handling: restoreHandling(stored.handling, count),
  };
  for (const [name, column] of Object.entries(columns)) {
    if ((column as ArrayLike<number>).length !== count) throw new Error(`Corrupt chunk: column ${name} does not have ${count} rows`);
  }
  return columns;
}
