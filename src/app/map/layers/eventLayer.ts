import { ScatterplotLayer } from '@deck.gl/layers';
import type { EventLayerData } from '../../../board/BoardQuery.ts';
import { eventPointAttributes } from '../layerAttributes.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the event points (picked as `event`, index into the answer's events layer). */
export const EVENT_LAYER_ID = 'events';

/** The events layer's binary data, built once per answer. */
export interface EventDrawing {
  kind: EventLayerData['kind'];
  count: number;
  data: { length: number; attributes: Record<string, unknown> };
}

/** Builds the events drawing: one pass over the points the worker sent (at most its point cap). */
export function eventDrawing(events: EventLayerData): EventDrawing {
  const { fills, radii } = eventPointAttributes(events);
  return {
    kind: events.kind,
    count: events.count,
    data: {
      length: events.count,
      attributes: {
        getPosition: { value: events.positions, size: 2 },
        getFillColor: { value: fills, size: 4, normalized: true },
        getRadius: { value: radii, size: 1 },
      },
    },
  };
}

/**
 * Events as points coloured by category and sized by severity — or, when the worker aggregated
 * them, one dot per grid square sized by how many it merges — outlined in the theme's ink so every
 * category colour reads on both basemaps.
 */
export function eventLayer(drawing: EventDrawing, context: LayerContext): ScatterplotLayer {
  return new ScatterplotLayer({
    id: EVENT_LAYER_ID,
    data: drawing.data as never,
    radiusUnits: 'pixels',
    radiusScale: context.scale,
    stroked: true,
    getLineColor: [context.palette.ink[0], context.palette.ink[1], context.palette.ink[2], drawing.kind === 'aggregate' ? 120 : 140],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.6 * context.scale,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    updateTriggers: { getLineColor: [context.theme, drawing.kind], getLineWidth: context.scale },
  });
}
