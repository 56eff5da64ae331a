import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Theme } from '../preferences.ts';

/** The drawn filter area (closed), or the corners of one being drawn (open, with handles). */
export function buildAreaLayers(area: [number, number][] | null, draft: [number, number][] | null, theme: Theme): Layer[] {
  const ink: [number, number, number, number] = theme === 'dark' ? [226, 232, 240, 230] : [30, 41, 59, 230];
  const layers: Layer[] = [];
  if (area && area.length >= 3) {
    layers.push(
      new PolygonLayer<[number, number][]>({
        id: 'filter-area',
        data: [area],
        getPolygon: (ring) => ring,
        filled: true,
        getFillColor: [ink[0], ink[1], ink[2], 20],
        stroked: true,
        getLineColor: ink,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        updateTriggers: { getLineColor: theme, getFillColor: theme },
      }),
    );
  }
  if (draft && draft.length > 0) {
    layers.push(
      new PathLayer<[number, number][]>({
        id: 'draft-area-outline',
        data: [draft],
        getPath: (path) => path,
        getColor: [250, 204, 21, 255],
        getWidth: 2,
        widthUnits: 'pixels',
      }),
      new ScatterplotLayer<[number, number]>({
        id: 'draft-area-corners',
        data: draft,
        getPosition: (corner) => corner,
        getRadius: 5,
        radiusUnits: 'pixels',
        getFillColor: [250, 204, 21, 255],
      }),
    );
  }
  return layers;
}
