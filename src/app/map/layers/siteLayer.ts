import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { PlaceLayerData } from '../../../board/BoardQuery.ts';
import type { ReferenceSite } from '../../../geo/referenceGeography.ts';
import { placeFractions } from '../layerAttributes.ts';
import type { Rgba } from '../layerPalette.ts';
import { labSeenWith } from '../../../board/colourVision.ts';
import { sequentialColor } from '../../../board/sequentialScale.ts';
import { siteIcon } from '../siteIcons.ts';
import { symbolZoomFactor, type LayerContext } from './LayerContext.ts';

/** Layer id of the site discs (picked as `site`, index into the drawing's sites). */
export const SITE_LAYER_ID = 'sites';

/** Disc radius and icon size of a site at full size, design pixels. */
export const SITE_RADIUS = 11;
const ICON_SIZE = 15;

/** One site as drawn: where, how risky, in which colours. */
export interface SiteMark {
  site: ReferenceSite;
  /** Index of the site in the answer's PlaceLayerData (for tooltips), or -1 without an answer. */
  placeIndex: number;
  score: number;
  count: number;
  fill: Rgba;
  ring: Rgba;
  icon: Rgba;
}

/** Dark or light ink for an icon on `fill`, whichever stands out more. */
function iconInk(fill: Rgba): Rgba {
  return labSeenWith([fill[0], fill[1], fill[2]])[0] > 58 ? [12, 18, 30, 255] : [255, 255, 255, 255];
}

/**
 * The sites with their risk: each disc filled on the sequential scale relative to the riskiest
 * site (the neutral fill when it has none), its ring telling a sourced, estimated or closed
 * position, and its mode pictogram in whichever ink reads on that fill. O(sites).
 */
export function siteMarks(sites: readonly ReferenceSite[], places: PlaceLayerData | null, context: LayerContext): SiteMark[] {
  const { palette, stops } = context;
  const indexOf = new Map(places?.ids.slice(0, places.referenceCount).map((id, i) => [id, i]) ?? []);
  const fractions = places ? placeFractions(places.scores, places.referenceCount) : null;
  return sites.map((site) => {
    const placeIndex = indexOf.get(site.id) ?? -1;
    const t = fractions && placeIndex >= 0 ? fractions[placeIndex] : Number.NaN;
    const closed = site.status !== 'open';
    const fill: Rgba = closed || Number.isNaN(t) ? palette.siteNeutral : [...sequentialColor(stops, t), 245];
    const ring = closed ? palette.siteClosed : site.confidence === 'estimated' ? palette.siteEstimated : palette.siteRing;
    return {
      site,
      placeIndex,
      score: placeIndex >= 0 && places ? places.scores[placeIndex] : 0,
      count: placeIndex >= 0 && places ? places.counts[placeIndex] : 0,
      fill,
      ring,
      icon: closed ? palette.siteClosed : iconInk(fill),
    };
  });
}

/** Sites as risk-filled discs with their mode pictograms. */
export function siteLayers(marks: readonly SiteMark[], context: LayerContext, marksKey: string): Layer[] {
  const size = context.scale * symbolZoomFactor(context.zoom);
  return [
    new ScatterplotLayer<SiteMark>({
      id: SITE_LAYER_ID,
      data: marks as SiteMark[],
      getPosition: (mark) => [mark.site.lon, mark.site.lat],
      getRadius: SITE_RADIUS,
      radiusUnits: 'pixels',
      radiusScale: size,
      filled: true,
      stroked: true,
      getFillColor: (mark) => mark.fill,
      getLineColor: (mark) => mark.ring,
      getLineWidth: (mark) => (mark.site.confidence === 'estimated' ? 2.5 : 1.5),
      lineWidthUnits: 'pixels',
      lineWidthScale: size,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 60],
      updateTriggers: { getFillColor: marksKey, getLineColor: marksKey, getLineWidth: marksKey },
    }),
    new IconLayer<SiteMark>({
      id: 'site-icons',
      data: marks as SiteMark[],
      getPosition: (mark) => [mark.site.lon, mark.site.lat],
      getIcon: (mark) => siteIcon(mark.site.iconMode),
      getSize: ICON_SIZE,
      sizeUnits: 'pixels',
      sizeScale: size,
      getColor: (mark) => mark.icon,
      updateTriggers: { getColor: marksKey },
    }),
  ];
}
