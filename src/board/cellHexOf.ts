/**
 * The hex id of an H3 cell held as two unsigned 32-bit halves — the form H3 and h3-js print (no
 * leading zeros; the low half always eight digits). Here so that the page names cells without
 * loading h3-js.
 */
export function cellHexOf(high: number, low: number): string {
  return (high >>> 0).toString(16) + (low >>> 0).toString(16).padStart(8, '0');
}

/** The rank of the cell named `hex` among `count` cells given by halves, or -1. */
export function rankOfCell(hex: string, cellHigh: Uint32Array, cellLow: Uint32Array, count: number): number {
  if (!/^[0-9a-f]{9,16}$/i.test(hex)) return -1;
  const high = Number.parseInt(hex.slice(0, -8), 16) >>> 0;
  const low = Number.parseInt(hex.slice(-8), 16) >>> 0;
  for (let rank = 0; rank < count; rank++) if (cellHigh[rank] === high && cellLow[rank] === low) return rank;
  return -1;
}
