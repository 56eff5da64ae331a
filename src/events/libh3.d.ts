/**
 * The emscripten build of the H3 C library that h3-js wraps, as h3-js ships it for browsers. Only
 * what latLngToCellHalves and cellCentreOfHalves call is typed.
 */
declare module 'h3-js/dist/libh3-browser.js' {
  interface LibH3 {
    /** Allocates `bytes` on the library's heap and returns the address. */
    _malloc(bytes: number): number;
    /** H3's latLngToCell: reads a LatLng (radians) at `latLng`, writes the 64-bit cell at `out`; 0 on success. */
    _latLngToCell(latLng: number, resolution: number, out: number): number;
    /** H3's cellToLatLng: the cell given as its low and high 32-bit halves; writes a LatLng (radians) at `out`; 0 on success. */
    _cellToLatLng(low: number, high: number, out: number): number;
    /** Views of the heap; replaced when the heap grows, so read them after any allocation. */
    HEAPF64: Float64Array;
    HEAPU32: Uint32Array;
  }
  const libh3: LibH3;
  export default libh3;
}
