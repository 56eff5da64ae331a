import type { Theme } from '../view/ViewState.ts';

/** RGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Viridis (van der Walt & Smith, matplotlib), sampled at nine evenly spaced points from 0 to 1:
 * perceptually uniform, lightness rising monotonically, and readable with the common colour
 * vision deficiencies. The board's one sequential scale, for hotspots, sites and channels.
 */
export const VIRIDIS_STOPS: readonly Rgb[] = [
  [0x44, 0x01, 0x54],
  [0x47, 0x2d, 0x7b],
  [0x3b, 0x52, 0x8b],
  [0x2c, 0x72, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x28, 0xae, 0x80],
  [0x5e, 0xc9, 0x62],
  [0xad, 0xdc, 0x30],
  [0xfd, 0xe7, 0x25],
];

/**
 * The scale for a theme, from low to high risk. High risk always takes the end that stands out
 * from the land: the bright yellow end on the dark basemap, the dark purple end on the light one
 * (yellow on near-white land would vanish). The legend draws the same stops.
 */
export function sequentialStops(theme: Theme): readonly Rgb[] {
  return theme === 'dark' ? VIRIDIS_STOPS : [...VIRIDIS_STOPS].reverse();
}

/** The colour at `t` ∈ [0, 1] (clamped; NaN reads as 0), interpolated between the stops. */
export function sequentialColor(stops: readonly Rgb[], t: number): Rgb {
  const clamped = t > 0 ? Math.min(t, 1) : 0;
  const position = clamped * (stops.length - 1);
  const low = Math.min(Math.floor(position), stops.length - 2);
  const f = position - low;
  const a = stops[low];
  const b = stops[low + 1];
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

/** Decades of score below the top one that the scale spans: a cell at 1/1000 of the top is at 0. */
export const SCORE_DECADES = 3;

/**
 * Where `score` sits on the scale relative to `maxScore`: 1 at the top score, falling by
 * 1/SCORE_DECADES per tenfold drop, 0 from 1/10^SCORE_DECADES of the top down (and for 0).
 * Logarithmic so that the many small cells stay apart from each other, not only from the top.
 */
export function scoreFraction(score: number, maxScore: number): number {
  if (!(score > 0) || !(maxScore > 0)) return 0;
  const t = 1 + Math.log10(score / maxScore) / SCORE_DECADES;
  return t > 1 ? 1 : t < 0 ? 0 : t;
}

/** The scores the legend labels its ticks with: the top score and each decade below it. */
export function scoreTicks(maxScore: number): number[] {
  const ticks: number[] = [];
  for (let decade = 0; decade <= SCORE_DECADES; decade++) ticks.push(maxScore / 10 ** decade);
  return ticks;
}

/** The scale for a theme as CSS colours, low to high risk (for legends drawn outside deck.gl). */
export function sequentialCssStops(theme: Theme): string[] {
  return sequentialStops(theme).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
}
