import type { Theme } from '../../view/ViewState.ts';

/** RGBA colour as deck.gl takes it. */
export type Rgba = [number, number, number, number];

/** Colours of the overlay's marks that do not encode data, per theme; the legend reads the same table. */
export interface LayerPalette {
  /** Outline of event points and label halos' opposite: the theme's text colour. */
  ink: Rgba;
  /** Halo behind label text: the basemap's water-ish background. */
  labelHalo: Rgba;
  cityLabel: Rgba;
  siteLabel: Rgba;
  /** Fill of a site disc when the site has no risk in the window. */
  siteNeutral: Rgba;
  /** Ring of an open site whose position is sourced. */
  siteRing: Rgba;
  /** Ring of a site whose position is estimated (no coordinate source). */
  siteEstimated: Rgba;
  /** Icon and ring of a closed or suspended site. */
  siteClosed: Rgba;
  /** Casing under channel lines, so that low-risk (dark) channels still read on the land. */
  channelCasing: Rgba;
  /** Link arcs without a selection (alpha scaled by weight), and the selection's links. */
  link: Rgba;
  linkSelected: Rgba;
  /** Spike alerts: the warn colour, used for nothing else on the map. */
  alert: Rgba;
  /** The drawn area and the corners of one being drawn. */
  area: Rgba;
  draft: Rgba;
  /** Outline of the selected thing. */
  selection: Rgba;
}

/** Overlay colours for each theme (the warn, accent and text colours match src/ui/board.css). */
export const LAYER_PALETTES: Record<Theme, LayerPalette> = {
  dark: {
    ink: [228, 236, 247, 255],
    labelHalo: [6, 16, 30, 235],
    cityLabel: [240, 245, 252, 255],
    siteLabel: [200, 212, 230, 255],
    siteNeutral: [17, 29, 51, 235],
    siteRing: [228, 236, 247, 220],
    siteEstimated: [143, 163, 192, 255],
    siteClosed: [120, 130, 145, 255],
    channelCasing: [200, 212, 230, 150],
    link: [214, 232, 255, 255],
    linkSelected: [56, 189, 248, 230],
    alert: [251, 191, 36, 255],
    area: [226, 232, 240, 230],
    draft: [56, 189, 248, 255],
    selection: [56, 189, 248, 255],
  },
  light: {
    ink: [20, 32, 46, 255],
    labelHalo: [255, 255, 255, 240],
    cityLabel: [15, 23, 42, 255],
    siteLabel: [51, 65, 85, 255],
    siteNeutral: [255, 255, 255, 240],
    siteRing: [20, 32, 46, 220],
    siteEstimated: [86, 101, 119, 255],
    siteClosed: [140, 140, 140, 255],
    channelCasing: [20, 32, 46, 120],
    link: [30, 50, 90, 255],
    linkSelected: [3, 105, 161, 230],
    alert: [161, 98, 7, 255],
    area: [30, 41, 59, 230],
    draft: [3, 105, 161, 255],
    selection: [3, 105, 161, 255],
  },
};

/** CSS colour of an RGBA tuple, for the legend. */
export function cssColor([r, g, b, a]: readonly number[]): string {
  return `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255).toFixed(2)})`;
}
