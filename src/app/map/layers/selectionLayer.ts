import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerContext } from './LayerContext.ts';

/** Where the selection is drawn: a cell's outline (closed ring of lon, lat) or a point to ring. */
export type SelectionMark = { kind: 'outline'; ring: [number, number][] } | { kind: 'point'; lon: number; lat: number; radius: number } | null;

/** The selection outlined in the accent colour over a halo, so it reads on any fill. */
export function selectionLayers(mark: SelectionMark, context: LayerContext): Layer[] {
  if (mark === null) return [];
  const { palette, scale } = context;
  if (mark.kind === 'outline') {
    return [4.5, 2.5].map(
      (width, i) =>
        new PathLayer<[number, number][]>({
          id: `selection-${i}`,
          data: [mark.ring],
          getPath: (ring) => ring,
          getColor: i === 0 ? palette.labelHalo : palette.selection,
          getWidth: width,
          widthUnits: 'pixels',
          widthScale: scale,
          jointRounded: true,
          updateTriggers: { getColor: context.theme },
        }),
    );
  }
  return [
    new ScatterplotLayer<{ lon: number; lat: number }>({
      id: 'selection-ring',
      data: [mark],
      getPosition: (point) => [point.lon, point.lat],
      getRadius: mark.radius,
      radiusUnits: 'pixels',
      radiusScale: scale,
      filled: false,
      stroked: true,
      getLineColor: palette.selection,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      lineWidthScale: scale,
      updateTriggers: { getLineColor: context.theme },
    }),
  ];
}
