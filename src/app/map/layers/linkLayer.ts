import { ArcLayer } from '@deck.gl/layers';
import type { LinkLayerData } from '../../../board/BoardQuery.ts';
import { drawnLinkArcs, linkAttributes } from '../layerAttributes.ts';
import type { LayerPalette } from '../layerPalette.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the link arcs (picked as `link`, index into the answer's arcs). */
export const LINK_LAYER_ID = 'links';

/** The arcs' binary data, built once per answer and theme. */
export interface LinkDrawing {
  count: number;
  /** The answer's arc index of each drawn arc (for picking). */
  arcs: Uint32Array;
  data: { length: number; attributes: Record<string, unknown> };
}

/** Builds the link drawing: the arcs to draw (drawnLinkArcs) with their widths and colours. */
export function linkDrawing(links: LinkLayerData, palette: LayerPalette): LinkDrawing {
  const arcs = drawnLinkArcs(links);
  const { widths, colors } = linkAttributes(links, arcs, palette.link, palette.linkSelected);
  const from = new Float32Array(2 * arcs.length);
  const to = new Float32Array(2 * arcs.length);
  arcs.forEach((arc, i) => {
    from.set(links.from.subarray(2 * arc, 2 * arc + 2), 2 * i);
    to.set(links.to.subarray(2 * arc, 2 * arc + 2), 2 * i);
  });
  return {
    count: arcs.length,
    arcs,
    data: {
      length: arcs.length,
      attributes: {
        getSourcePosition: { value: from, size: 2 },
        getTargetPosition: { value: to, size: 2 },
        getSourceColor: { value: colors, size: 4, normalized: true },
        getTargetColor: { value: colors, size: 4, normalized: true },
        getWidth: { value: widths, size: 1 },
      },
    },
  };
}

/**
 * Cross-border links as low arcs: thin and faint, wider and stronger with the links they bundle,
 * the busiest only; with a selection the worker sends only the selection's links, all drawn in
 * the accent colour.
 */
export function linkLayer(drawing: LinkDrawing, context: LayerContext): ArcLayer {
  return new ArcLayer({
    id: LINK_LAYER_ID,
    data: drawing.data as never,
    widthUnits: 'pixels',
    widthScale: context.scale,
    getHeight: 0.35,
    numSegments: 24,
    pickable: true,
    autoHighlight: true,
    highlightColor: context.palette.linkSelected,
  });
}
