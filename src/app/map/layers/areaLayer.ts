import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerContext } from './LayerContext.ts';

/** The drawn filter area (closed, lightly filled), or the corners of one being drawn (open, with handles). */
export function areaLayers(area: readonly [number, number][] | null, drawing: boolean, context: LayerContext): Layer[] {
  if (area === null || area.length === 0) return [];
  const { palette, scale } = context;
  if (!drawing && area.length >= 3) {
    return [
      new PolygonLayer<readonly [number, number][]>({
        id: 'area',
        data: [area],
        getPolygon: (ring) => ring as [number, number][],
        filled: true,
        getFillColor: [palette.area[0], palette.area[1], palette.area[2], 22],
        stroked: true,
        getLineColor: palette.area,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        lineWidthScale: scale,
        updateTriggers: { getLineColor: context.theme, getFillColor: context.theme },
      }),
    ];
  }
  return [
    new PathLayer<readonly [number, number][]>({
      id: 'area-draft',
      data: [area],
      getPath: (path) => path as [number, number][],
      getColor: palette.draft,
      getWidth: 2,
      widthUnits: 'pixels',
      widthScale: scale,
      updateTriggers: { getColor: context.theme },
    }),
    new ScatterplotLayer<readonly [number, number]>({
      id: 'area-corners',
      data: area as [number, number][],
      getPosition: (corner) => corner as [number, number],
      getRadius: 5,
      radiusUnits: 'pixels',
      radiusScale: scale,
      getFillColor: palette.draft,
      stroked: true,
      getLineColor: palette.labelHalo,
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: context.theme, getLineColor: context.theme },
    }),
  ];
}
