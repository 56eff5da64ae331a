import { narrowestUnsignedArray, type UnsignedArray } from './narrowestUnsignedArray.ts';

/**
 * A per-row text column split by row: rows that are pure ASCII as one byte per character, the
 * others joined into one string. Chunk format 3 stored every text column so; format 4 keeps it
 * for a column that UTF-8 cannot carry (a lone surrogate, which only a JSON `\ud800` escape makes).
 */
export interface PackedText {
  /** The characters of the pure-ASCII rows, one byte each, in row order. */
  ascii: Uint8Array;
  /** The other rows joined, in row order. */
  wide: string;
  /** Each row's length in UTF-16 units, in the narrowest unsigned array that holds the longest. */
  lengths: UnsignedArray;
  /** 1 for each row kept in `wide`, 0 for rows in `ascii`; null when every row is ASCII. */
  wideRows: Uint8Array | null;
}

/**
 * Packs a per-row text column row by row. One pass over the characters decides and copies, so
 * any string survives, lone surrogates included, and an English row takes one byte per character
 * (a string holding one non-Latin-1 character, or sliced from one — as every field cut from a
 * decoded feed with some Chinese text is — would be cloned at two).
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
  const lengths = narrowestUnsignedArray(count, longest);
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
export function checkPackedText({ ascii, wide, lengths, wideRows }: PackedText, count: number): void {
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
