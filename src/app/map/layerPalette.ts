import type { Theme } from '../preferences.ts';
import type { SiteIconMode } from './siteIcons.ts';

/** RGBA colour as deck.gl takes it. */
export type Rgba = [number, number, number, number];

/** Colours of the data layers, per theme; the legend reads the same table. */
export interface LayerPalette {
  siteMode: Record<SiteIconMode, Rgba>;
  siteHalo: Rgba;
  siteEstimatedRing: Rgba;
  siteClosed: Rgba;
  channel: Rgba;
  channelEstimated: Rgba;
  cityLabel: Rgba;
  siteLabel: Rgba;
  labelOutline: Rgba;
  event: Rgba;
}

const MODES_DARK: Record<SiteIconMode, Rgba> = {
  sea: [56, 189, 248, 255],
  land: [250, 204, 21, 255],
  air: [244, 114, 182, 255],
  rail: [167, 139, 250, 255],
  ferry: [45, 212, 191, 255],
};

const MODES_LIGHT: Record<SiteIconMode, Rgba> = {
  sea: [2, 132, 199, 255],
  land: [202, 138, 4, 255],
  air: [219, 39, 119, 255],
  rail: [109, 40, 217, 255],
  ferry: [13, 148, 136, 255],
};

/** Layer colours for each theme. */
export const LAYER_PALETTES: Record<Theme, LayerPalette> = {
  dark: {
    siteMode: MODES_DARK,
    siteHalo: [11, 20, 36, 230],
    siteEstimatedRing: [251, 191, 36, 255],
    siteClosed: [120, 130, 145, 255],
    channel: [125, 211, 252, 200],
    channelEstimated: [125, 211, 252, 110],
    cityLabel: [226, 232, 240, 255],
    siteLabel: [186, 200, 220, 255],
    labelOutline: [11, 20, 36, 255],
    event: [251, 113, 133, 90],
  },
  light: {
    siteMode: MODES_LIGHT,
    siteHalo: [255, 255, 255, 235],
    siteEstimatedRing: [180, 83, 9, 255],
    siteClosed: [140, 140, 140, 255],
    channel: [3, 105, 161, 210],
    channelEstimated: [3, 105, 161, 120],
    cityLabel: [15, 23, 42, 255],
    siteLabel: [51, 65, 85, 255],
    labelOutline: [255, 255, 255, 255],
    event: [190, 18, 60, 90],
  },
};

/** CSS colour of an RGBA tuple, for the legend. */
export function cssColor([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}
