import libh3 from 'h3-js/dist/libh3-browser.js';

let latLngAddress = -1;
let cellAddress = -1;

/**
 * Writes the H3 cell of (`lat`, `lon`) at `resolution` into `high[row]` and `low[row]` (the two
 * 32-bit halves of the 64-bit index), calling H3's compiled latLngToCell directly — the one h3-js
 * wraps, so the cells are the same — without h3-js's per-call heap allocation and hex string,
 * which cost more than the computation: about twice as fast per position.
 */
export function latLngToCellHalves(lat: number, lon: number, resolution: number, high: Uint32Array, low: Uint32Array, row: number): void {
  if (latLngAddress < 0) {
    latLngAddress = libh3._malloc(16);
    cellAddress = libh3._malloc(8);
  }
  const doubles = libh3.HEAPF64;
  // Degrees to radians exactly as h3-js converts them, so both give the same cell on an edge.
  doubles[latLngAddress >> 3] = (lat * Math.PI) / 180;
  doubles[(latLngAddress >> 3) + 1] = (lon * Math.PI) / 180;
  const error = libh3._latLngToCell(latLngAddress, resolution, cellAddress);
  if (error !== 0) throw new RangeError(`No H3 cell for latitude ${lat}, longitude ${lon} (H3 error ${error})`);
  const words = libh3.HEAPU32;
  low[row] = words[cellAddress >> 2];
  high[row] = words[(cellAddress >> 2) + 1];
}
