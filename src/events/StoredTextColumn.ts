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

/** FNV-1a over a row's UTF-16 units, seeded with its length. */
function rowHash(value: string): number {
  // Rows are cut from feed text in many internal string shapes; a `value.charCodeAt` lookup would
  // turn megamorphic, where the prototype's builtin is inlined.
  const charCodeAt = String.prototype.charCodeAt;
  const length = value.length;
  let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ charCodeAt.call(value, i), 0x01000193);
  return hash;
}

/**
 * Each row's code into the column's distinct values (in order of first appearance), or null once
 * those exceed the share that pays. Rows are hashed by a loop over their characters into an
 * open-addressing table of codes, at most half full, and a row whose hash matches is compared
 * whole with the engine's string equality. Joining the column first and comparing inside the
 * joined text took 1.4 times as long (23 against 16 ms per 50k-row chunk of the demo feed), and a
 * Map keyed by the rows longer still.
 */
function dictionaryOf(values: readonly string[]): { distinct: string[]; codes: UnsignedArray } | null {
  const count = values.length;
  const limit = Math.floor(count * DICTIONARY_MAX_DISTINCT_SHARE);
  let buckets = 16;
  while (buckets < limit * 2) buckets *= 2;
  const mask = buckets - 1;
  const table = new Int32Array(buckets).fill(-1);
  const distinct: string[] = [];
  const distinctHash: number[] = [];
  const codes = new Uint32Array(count);
  for (let row = 0; row < count; row++) {
    const value = values[row];
    const hash = rowHash(value);
    let bucket = hash & mask;
    let code = table[bucket];
    while (code >= 0 && (distinctHash[code] !== hash || distinct[code] !== value)) {
      bucket = (bucket + 1) & mask;
      code = table[bucket];
    }
    if (code < 0) {
      if (distinct.length >= limit) return null;
      code = distinct.length;
      distinct.push(value);
      distinctHash.push(hash);
      table[bucket] = code;
    }
    codes[row] = code;
  }
  return { distinct, codes: narrowed(codes, distinct.length - 1) };
}

function storePlain(values: readonly string[]): PlainTextColumn {
  const utf8 = encodeUtf8(values.join(''));
  return utf8 ? { encoding: 'utf8', text: { utf8, lengths: rowLengths(values) } } : { encoding: 'split', text: packText(values) };
}

/**
 * Stores a per-row text column: as UTF-8 (the rows joined in native code, then encoded in one
 * pass over the joined string — about half the time of a character loop per row), or split by
 * row when a row holds a lone surrogate, which UTF-8 cannot carry. With `dictionary`, a column
 * whose rows repeat (templated descriptions, say) is stored as its distinct values plus a code per
 * row, tried and given up when the values prove too varied; only its distinct values are encoded.
 */
export function storeTextColumn(values: readonly string[], options: { dictionary: boolean }): StoredTextColumn {
  const dictionary = options.dictionary && values.length > 1 ? dictionaryOf(values) : null;
  if (!dictionary) return storePlain(values);
  return { encoding: 'dictionary', values: storePlain(dictionary.distinct), codes: dictionary.codes };
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
