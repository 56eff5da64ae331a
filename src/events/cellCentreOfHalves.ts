import libh3 from 'h3-js/dist/libh3-browser.js';

let latLngAddress = -1;

/**
 * The centre of the H3 cell with halves (`high`, `low`) as [lat, lon] degrees, from H3's compiled
 * cellToLatLng called directly on the library heap (as latLngToCellHalves does): the same answer
 * as h3-js's cellToLatLng without its hex string and per-call allocation. `high`/`low` must be a
 * valid cell (H3 does not check).
 */
export function cellCentreOfHalves(high: number, low: number): [number, number] {
  if (latLngAddress < 0) latLngAddress = libh3._malloc(16);
  const error = libh3._cellToLatLng(low | 0, high | 0, latLngAddress);
  if (error !== 0) throw new RangeError(`No centre for H3 index ${high.toString(16)}${low.toString(16).padStart(8, '0')} (H3 error ${error})`);
  const doubles = libh3.HEAPF64;
  // Radians to degrees exactly as h3-js converts them.
  return [(doubles[latLngAddress >> 3] * 180) / Math.PI, (doubles[(latLngAddress >> 3) + 1] * 180) / Math.PI];
}
