import { SolidPolygonLayer } from '@deck.gl/layers';
import type { HotspotLayerData } from '../../../board/BoardQuery.ts';
import { hotspotFills, hotspotFractions } from '../layerAttributes.ts';
import { perVertex, polygonMeshOfRings } from '../polygonMeshOfRings.ts';
import type { Rgb } from '../../../board/sequentialScale.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the hotspot hexagons (picked as `hotspot`, index = rank). */
export const HOTSPOT_LAYER_ID = 'hotspots';

/** Tallest column when extruded, metres: about the width of a resolution-7 cell, so shapes stay readable. */
const MAX_ELEVATION_M = 3000;

/**
 * What the hotspot layer draws, built once per answer and theme: the worker's outlines as a
 * closed, fan-triangulated mesh with per-vertex fills and heights, wrapped as deck.gl binary data
 * (one object, so deck.gl sees new data only when the answer or the theme changes).
 */
export interface HotspotDrawing {
  count: number;
  data: {
    length: number;
    startIndices: Uint32Array;
    attributes: Record<string, unknown>;
  };
}

/** Builds the hotspot drawing of `layer` on the scale `stops`: O(cells) work on the page. */
export function hotspotDrawing(layer: HotspotLayerData, stops: readonly Rgb[]): HotspotDrawing {
  const mesh = polygonMeshOfRings(layer.outline, layer.outlineStart, layer.count);
  const fractions = hotspotFractions(layer);
  const fills = perVertex(hotspotFills(fractions, stops), 4, mesh.startIndices, mesh.count, (n) => new Uint8Array(n));
  const heights = perVertex(fractions, 1, mesh.startIndices, mesh.count, (n) => new Float32Array(n));
  return {
    count: mesh.count,
    data: {
      length: mesh.count,
      startIndices: mesh.startIndices,
      attributes: {
        getPolygon: { value: mesh.positions, size: 2 },
        indices: { value: mesh.indices, size: 1 },
        getFillColor: { value: fills, size: 4, normalized: true },
        getElevation: { value: heights, size: 1 },
      },
    },
  };
}

/** Hotspots as H3 hexagons on the sequential scale, optionally extruded by score. */
export function hotspotLayer(drawing: HotspotDrawing, context: LayerContext, extruded: boolean): SolidPolygonLayer {
  return new SolidPolygonLayer({
    id: HOTSPOT_LAYER_ID,
    data: drawing.data as never,
    _normalize: false,
    _windingOrder: 'CCW',
    extruded,
    elevationScale: extruded ? MAX_ELEVATION_M : 0,
    material: extruded ? { ambient: 0.55, diffuse: 0.5, shininess: 8, specularColor: [40, 40, 40] } : false,
    // Columns hide one another by depth; flat cells simply lie under what is drawn after them.
    parameters: extruded ? { depthCompare: 'less-equal', depthWriteEnabled: true } : {},
    pickable: true,
    autoHighlight: true,
    highlightColor: context.theme === 'dark' ? [255, 255, 255, 70] : [0, 0, 0, 50],
  });
}
