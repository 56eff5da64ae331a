import type { EventLayerData, HotspotLayerData, LinkLayerData } from '../../board/BoardQuery.ts';
import { CATEGORY_COLORS_BY_CODE } from './palettes/categoryPalette.ts';
import { scoreFraction, sequentialColor, type Rgb } from '../../board/sequentialScale.ts';
import type { Rgba } from './layerPalette.ts';

/**
 * Per-item attribute arrays of the data layers, computed from the worker's flat answer in one pass
 * over its cells, places, points or arcs (never over events), for deck.gl's binary attributes.
 */

/** Fill alpha of the lowest and the highest hotspot: faint cells recede, strong ones cover the land. */
const HOTSPOT_ALPHA: readonly [number, number] = [110, 215];

/** Each hotspot's position on the sequential scale (rank order, as the worker sends them). */
export function hotspotFractions(layer: HotspotLayerData): Float32Array {
  const max = layer.count > 0 ? layer.scores[0] : 0;
  const fractions = new Float32Array(layer.count);
  for (let rank = 0; rank < layer.count; rank++) fractions[rank] = scoreFraction(layer.scores[rank], max);
  return fractions;
}

/** RGBA per hotspot: colour and opacity both rise with the score. */
export function hotspotFills(fractions: Float32Array, stops: readonly Rgb[]): Uint8Array {
  const fills = new Uint8Array(4 * fractions.length);
  for (let k = 0; k < fractions.length; k++) {
    const [r, g, b] = sequentialColor(stops, fractions[k]);
    fills[4 * k] = r;
    fills[4 * k + 1] = g;
    fills[4 * k + 2] = b;
    fills[4 * k + 3] = Math.round(HOTSPOT_ALPHA[0] + fractions[k] * (HOTSPOT_ALPHA[1] - HOTSPOT_ALPHA[0]));
  }
  return fills;
}

/** Each place's position on the sequential scale relative to the top place (NaN for no risk). */
export function placeFractions(scores: Float64Array, count: number): Float32Array {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  const fractions = new Float32Array(count);
  for (let i = 0; i < count; i++) fractions[i] = scores[i] > 0 ? scoreFraction(scores[i], max) : Number.NaN;
  return fractions;
}

/** Radius of an event point by severity 1–5, design pixels. */
export function eventPointRadius(severity: number): number {
  return 1.6 + 0.7 * Math.min(5, Math.max(1, severity));
}

/** Radius of an aggregate dot by the events it merges, design pixels (area grows with the log of the count). */
export function aggregateRadius(weight: number): number {
  return Math.min(14, 3 + 1.6 * Math.log2(Math.max(1, weight)));
}

/** Fill colours (by category) and radii (by severity, or by merged count) of the events layer. */
export function eventPointAttributes(events: EventLayerData): { fills: Uint8Array; radii: Float32Array } {
  const fills = new Uint8Array(4 * events.count);
  const radii = new Float32Array(events.count);
  const aggregate = events.kind === 'aggregate';
  for (let i = 0; i < events.count; i++) {
    const color = CATEGORY_COLORS_BY_CODE[events.category[i]] ?? CATEGORY_COLORS_BY_CODE[CATEGORY_COLORS_BY_CODE.length - 1];
    fills[4 * i] = color[0];
    fills[4 * i + 1] = color[1];
    fills[4 * i + 2] = color[2];
    fills[4 * i + 3] = aggregate ? 200 : 235;
    radii[i] = aggregate ? aggregateRadius(events.weight[i]) : eventPointRadius(events.severity[i]);
  }
  return { fills, radii };
}

/** Weights of the events layer as floats, for the density heatmap. */
export function eventWeights(events: EventLayerData): Float32Array {
  return Float32Array.from(events.weight.subarray(0, events.count));
}

/** Width of a link arc by the links it bundles, design pixels: thin, growing with the log of the count. */
export function linkWidth(weight: number): number {
  return Math.min(4, 0.6 + 0.55 * Math.log2(Math.max(1, weight)));
}

/** Opacity of a link arc by the links it bundles: single links barely show, busy corridors do. */
export function linkAlpha(weight: number): number {
  return Math.round(Math.min(150, 36 + 22 * Math.log2(Math.max(1, weight))));
}

/** Arcs drawn without a selection: the busiest ones only, so that links never bury the map. */
export const MAX_LINK_ARCS = 60;

/**
 * Which arcs to draw: with a selection every arc the worker sent (only the selection's), else the
 * `max` busiest (ties keep the worker's order), in the worker's order. O(arcs log arcs), arcs
 * being already bundled by end points.
 */
export function drawnLinkArcs(links: LinkLayerData, max = MAX_LINK_ARCS): Uint32Array {
  const all = Uint32Array.from({ length: links.count }, (_, i) => i);
  if (links.selectedCount !== null || links.count <= max) return all;
  const busiest = [...all].sort((a, b) => links.weight[b] - links.weight[a] || a - b).slice(0, max);
  return Uint32Array.from(busiest.sort((a, b) => a - b));
}

/** Widths and colours of the arcs `drawn`; a selection's links take `selected` at full strength. */
export function linkAttributes(links: LinkLayerData, drawn: Uint32Array, base: Rgba, selected: Rgba): { widths: Float32Array; colors: Uint8Array } {
  const widths = new Float32Array(drawn.length);
  const colors = new Uint8Array(4 * drawn.length);
  const forSelection = links.selectedCount !== null;
  for (let i = 0; i < drawn.length; i++) {
    const weight = links.weight[drawn[i]];
    widths[i] = forSelection ? Math.max(1.5, linkWidth(weight)) : linkWidth(weight);
    const color = forSelection ? selected : base;
    colors[4 * i] = color[0];
    colors[4 * i + 1] = color[1];
    colors[4 * i + 2] = color[2];
    colors[4 * i + 3] = forSelection ? color[3] : linkAlpha(weight);
  }
  return { widths, colors };
}
