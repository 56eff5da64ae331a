import type { Layer } from '@deck.gl/core';
import type { EventLayerData } from '../../../board/BoardQuery.ts';
import { eventWeights } from '../layerAttributes.ts';
import type { Rgb } from '../../../board/sequentialScale.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the density heatmap (not pickable). */
export const HEATMAP_LAYER_ID = 'heatmap';

/** The HeatmapLayer class, loaded only when the heatmap is first switched on (it is off by default). */
export type HeatmapLayerClass = typeof import('@deck.gl/aggregation-layers').HeatmapLayer;

/** Loads deck.gl's HeatmapLayer in its own chunk. */
export async function loadHeatmapLayer(): Promise<HeatmapLayerClass> {
  return (await import('@deck.gl/aggregation-layers')).HeatmapLayer;
}

/** The heatmap's binary data, built once per answer: the events layer's points and their weights. */
export interface HeatmapDrawing {
  data: { length: number; attributes: Record<string, unknown> };
}

/** Builds the heatmap drawing from the events the worker sent (points weigh 1, aggregates their count). */
export function heatmapDrawing(events: EventLayerData): HeatmapDrawing {
  return {
    data: {
      length: events.count,
      attributes: { getPosition: { value: events.positions, size: 2 }, getWeight: { value: eventWeights(events), size: 1 } },
    },
  };
}

/** Event density as a heatmap on the sequential scale (its faint end transparent). */
export function heatmapLayer(HeatmapLayer: HeatmapLayerClass, drawing: HeatmapDrawing, context: LayerContext): Layer {
  const colorRange = context.stops.map(([r, g, b]: Rgb) => [r, g, b] as [number, number, number]);
  return new HeatmapLayer({
    id: HEATMAP_LAYER_ID,
    data: drawing.data as never,
    radiusPixels: 28 * context.scale,
    intensity: 1,
    threshold: 0.04,
    colorRange,
    opacity: 0.75,
    aggregation: 'SUM',
    updateTriggers: { colorRange: context.theme },
  });
}
