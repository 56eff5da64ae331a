/** Value of the hex digits s[from, to) (at most 8, so it stays exact), or -1 if one is not a hex digit. */
function hexValue(s: string, from: number, to: number): number {
  if (from < 0 || from >= to || to - from > 8) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let digit: number;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (c >= 97 && c <= 102) digit = c - 87;
    else if (c >= 65 && c <= 70) digit = c - 55;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * Stores an H3 index given as 15 or 16 hex digits as two 32-bit halves at `row` of `high` and
 * `low`, without BigInt. Anything but plain hex digits takes parseInt's path.
 */
export function setCellHalves(hex: string, high: Uint32Array, low: Uint32Array, row: number): void {
  const split = hex.length - 8;
  const highValue = hexValue(hex, 0, split);
  const lowValue = hexValue(hex, split, hex.length);
  high[row] = highValue >= 0 ? highValue : Number.parseInt(hex.slice(0, split), 16);
  low[row] = lowValue >= 0 ? lowValue : Number.parseInt(hex.slice(split), 16);
}
