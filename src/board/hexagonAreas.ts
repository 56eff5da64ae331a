/**
 * Average area of an H3 hexagon per resolution, km² — the figures of H3's published resolution
 * table (its `getHexagonAreaAvg`), kept as data so the page can name a cell's size without
 * loading H3. A unit test checks them against h3-js.
 */
export const H3_AVERAGE_HEXAGON_AREA_KM2: Readonly<Record<number, number>> = Object.freeze({
  5: 252.9038581819449,
  6: 36.12906216441245,
  7: 5.161293359717191,
  8: 0.7373275975944177,
  9: 0.1053325134272067,
});

/** The hotspot resolutions the board offers, coarse to fine (VIEW_LIMITS.resolution). */
export const HOTSPOT_RESOLUTIONS: readonly number[] = [5, 6, 7, 8, 9];

/** A resolution's average cell area for people: three significant digits, e.g. "5.16 km²" or "0.105 km²". */
export function formatCellArea(resolution: number, locale: string): string {
  const area = H3_AVERAGE_HEXAGON_AREA_KM2[resolution];
  if (area === undefined) return '';
  return `${area.toLocaleString(locale, { maximumSignificantDigits: 3 })} km²`;
}
