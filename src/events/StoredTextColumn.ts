import { checkMax, narrowed, type UnsignedArray } from './narrowestUnsignedArray.ts';
import { checkPackedText, packText, unpackText, type PackedText } from './packText.ts';
import { checkUtf8Text, decodeUtf8Text, encodeUtf8, rowLengths, type Utf8Text } from './Utf8Text.ts';

/** A per-row text column stored row by row: UTF-8 when it can be, else split by row. */
export type PlainTextColumn = { encoding: 'utf8'; text: Utf8Text } | { encoding: 'split'; text: PackedText };

/**
 * A per-row text column as chunk format 4 stores it: plain, or — when its rows repeat — its
 * distinct values (plain) plus each row's code into them.
 */
export type StoredTextColumn = PlainTextColumn | { encoding: 'dictionary'; values: PlainTextColumn; codes: UnsignedArray };

/**
 * A dictionary is given up once the distinct values exceed this share of the rows: past it, codes
 * and hashing cost more than the repeated text they save.
 */
const DICTIONARY_MAX_DISTINCT_SHARE = 0.5;

/** Rows compared against each candidate of the same hash before a row is taken as new. */
const MAX_PROBES = 8;

function rowHash(text: string, start: number, length: number): number {
  let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/**
 * Each row's code into the column's distinct values, or null once those exceed the share that
 * pays. Rows are hashed and compared within the joined text, by loops over its characters: the
 * engine's own hashing of a million strings cut from a feed (a Map keyed by row) measured slower
 * than the whole dictionary built this way. A row that matches none of MAX_PROBES candidates of
 * its hash is taken as new, which may list a value twice but keeps the work bounded.
 */
function dictionaryOf(joined: string, lengths: UnsignedArray): { distinct: string[]; codes: UnsignedArray } | null {
  const count = lengths.length;
  const limit = Math.floor(count * DICTIONARY_MAX_DISTINCT_SHARE);
  const newestWithHash = new Map<number, number>();
  const distinctStart: number[] = [];
  const distinctLength: number[] = [];
  const olderWithHash: number[] = [];
  const codes = new Uint32Array(count);
  let start = 0;
  for (let row = 0; row < count; row++) {
    const length = lengths[row];
    const hash = rowHash(joined, start, length);
    const newest = newestWithHash.get(hash);
    let code = newest ?? -1;
    for (let probes = 0; code >= 0; code = olderWithHash[code]) {
      if (distinctLength[code] === length && sameText(joined, distinctStart[code], start, length)) break;
      if (++probes === MAX_PROBES) {
        code = -1;
        break;
      }
    }
    if (code < 0) {
      if (distinctStart.length >= limit) return null;
      code = distinctStart.length;
      distinctStart.push(start);
      distinctLength.push(length);
      olderWithHash.push(newest ?? -1);
      newestWithHash.set(hash, code);
    }
    codes[row] = code;
    start += length;
  }
  const distinct = distinctStart.map((at, code) => joined.slice(at, at + distinctLength[code]));
  return { distinct, codes: narrowed(codes, distinct.length - 1) };
}

function storePlain(values: readonly string[], joined: string, lengths: UnsignedArray): PlainTextColumn {
  const utf8 = encodeUtf8(joined);
  return utf8 ? { encoding: 'utf8', text: { utf8, lengths } } : { encoding: 'split', text: packText(values) };
}

/**
 * Stores a per-row text column: as UTF-8 (the rows joined in native code, then encoded in one
 * pass over the joined string — about half the time of a character loop per row), or split by
 * row when a row holds a lone surrogate, which UTF-8 cannot carry. With `dictionary`, a column
 * whose rows repeat (templated descriptions, say) is stored as its distinct values plus a code per
 * row, tried and given up when the values prove too varied; only its distinct values are encoded.
 */
export function storeTextColumn(values: readonly string[], options: { dictionary: boolean }): StoredTextColumn {
  const joined = values.join('');
  const lengths = rowLengths(values);
  const dictionary = options.dictionary && values.length > 1 ? dictionaryOf(joined, lengths) : null;
  if (!dictionary) return storePlain(values, joined, lengths);
  const { distinct, codes } = dictionary;
  return { encoding: 'dictionary', values: storePlain(distinct, distinct.join(''), rowLengths(distinct)), codes };
}

function rowsOf(column: PlainTextColumn): number {
  return column.text.lengths.length;
}

function checkPlain(column: PlainTextColumn, count: number): void {
  switch (column.encoding) {
    case 'utf8':
      checkUtf8Text(column.text, count);
      return;
    case 'split':
      checkPackedText(column.text, count);
      return;
    default:
      throw new Error(`Corrupt text column: unknown encoding ${String((column as { encoding: unknown }).encoding)}`);
  }
}

/**
 * Checks, cheaply and without building strings, that a stored column holds `count` rows and that
 * its parts add up; restoreTextColumn finds what only decoding can (bytes that are not UTF-8).
 */
export function checkTextColumn(column: StoredTextColumn, count: number): void {
  if (column.encoding !== 'dictionary') return checkPlain(column, count);
  if (column.codes.length !== count) throw new Error('Corrupt text column: row count does not match the chunk');
  checkPlain(column.values, rowsOf(column.values));
  checkMax(column.codes, rowsOf(column.values) - 1, 'text column codes');
}

function restorePlain(column: PlainTextColumn): string[] {
  return column.encoding === 'utf8' ? decodeUtf8Text(column.text) : unpackText(column.text);
}

/** The rows of a stored text column (check it first with checkTextColumn). */
export function restoreTextColumn(column: StoredTextColumn): string[] {
  if (column.encoding !== 'dictionary') return restorePlain(column);
  const distinct = restorePlain(column.values);
  const { codes } = column;
  const values = new Array<string>(codes.length);
  for (let row = 0; row < codes.length; row++) values[row] = distinct[codes[row]];
  return values;
}
