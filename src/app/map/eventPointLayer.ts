import { ScatterplotLayer } from '@deck.gl/layers';
import type { Theme } from '../preferences.ts';
import { LAYER_PALETTES } from './layerPalette.ts';

/** Flat event positions, as the data worker sends them (transferred, never as objects). */
export interface EventPoints {
  /** Interleaved lon, lat per event. */
  positions: Float32Array;
  count: number;
}

/** Events as small points, straight from a Float32Array with no per-event objects. */
export function buildEventPointLayer(points: EventPoints, theme: Theme): ScatterplotLayer {
  return new ScatterplotLayer({
    id: 'event-points',
    data: { length: points.count, attributes: { getPosition: { value: points.positions, size: 2 } } },
    getRadius: 2.5,
    radiusUnits: 'pixels',
    radiusMinPixels: 1.5,
    getFillColor: LAYER_PALETTES[theme].event,
    updateTriggers: { getFillColor: theme },
  });
}
