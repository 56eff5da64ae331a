/**
 * H3 cell indexes held as two unsigned 32-bit halves, the way EventChunk stores them.
 *
 * Layout of a 64-bit H3 cell index, highest bit first: 1 reserved bit, 4 mode bits (1 = cell),
 * 3 reserved bits, 4 resolution bits (52..55), 7 base-cell bits (45..51), then fifteen 3-bit
 * digits; digit d sits at bits 3·(15 − d) .. 3·(15 − d) + 2, and digits finer than the cell's
 * resolution are 7 (all ones).
 */

import { splitLongToH3Index } from 'h3-js';

/** Bit position of the resolution field inside the high half. */
const RESOLUTION_SHIFT_HIGH = 52 - 32;
/** Mode 1 (cell) in the high half; the reserved bits around it are zero. */
const CELL_MODE_HIGH = 1 << (59 - 32);

/** Resolution field of a cell, read from its high half. */
export function cellResolution(high: number): number {
  return (high >>> RESOLUTION_SHIFT_HIGH) & 0xf;
}

/** Mode field of an index (1 for cells), read from its high half. */
export function cellMode(high: number): number {
  return (high >>> 27) & 0xf;
}

/**
 * A number that identifies a cell of resolution ≤ 9 among cells of the same resolution and sorts
 * like its hex id. Digits 10..15 are always 7 there and the mode and resolution fields are fixed,
 * so the 20 base-cell-and-digit bits of the high half and the top 14 bits of the low half
 * (34 bits, exact in a double) carry everything.
 */
export function cellKey(high: number, low: number): number {
  return (high & 0xfffff) * 16384 + (low >>> 18);
}

/** High half of the resolution-`resolution` cell whose cellKey is `key`. */
export function cellKeyHigh(key: number, resolution: number): number {
  return (CELL_MODE_HIGH | (resolution << RESOLUTION_SHIFT_HIGH) | Math.floor(key / 16384)) >>> 0;
}

/** Low half of the cell whose cellKey is `key` (resolution ≤ 9). */
export function cellKeyLow(key: number): number {
  return (((key % 16384) << 18) | 0x3ffff) >>> 0;
}

/** Canonical lowercase hex id of the cell with these halves. */
export function cellHalvesToHex(high: number, low: number): string {
  return splitLongToH3Index(low, high);
}
