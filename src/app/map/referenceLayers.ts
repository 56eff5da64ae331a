import { IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Locale } from '../../i18n/locales.ts';
import type { PlaceNames, ReferenceChannel, ReferenceCity, ReferenceSite } from '../../geo/referenceGeography.ts';
import type { Theme } from '../preferences.ts';
import { LAYER_PALETTES } from './layerPalette.ts';
import { siteIcon } from './siteIcons.ts';

/** Zoom from which every site gets a text label (cities are always labelled). */
export const SITE_LABEL_MIN_ZOOM = 9.5;

/** What the reference layers need to draw. */
export interface ReferenceLayerInput {
  sites: readonly ReferenceSite[];
  channels: readonly ReferenceChannel[];
  cities: readonly ReferenceCity[];
  locale: Locale;
  theme: Theme;
  zoom: number;
  fontFamily: string;
  /** Localised suffixes for flagged sites, e.g. "estimated position". */
  flags: { estimated: string; closed: string; suspended: string };
}

/** A place name in the locale's script. */
export function localName(place: { names: PlaceNames }, locale: Locale): string {
  if (locale === 'zh-Hans') return place.names.zhHans;
  if (locale === 'zh-Hant') return place.names.zhHant;
  return place.names.en;
}

function siteLabel(site: ReferenceSite, input: ReferenceLayerInput): string {
  const name = localName(site, input.locale);
  const notes: string[] = [];
  if (site.confidence === 'estimated') notes.push(input.flags.estimated);
  if (site.status === 'closed') notes.push(input.flags.closed);
  if (site.status === 'suspended') notes.push(input.flags.suspended);
  return notes.length ? `${name} (${notes.join(', ')})` : name;
}

/** Every character the reference labels use in a locale, so fonts can load before drawing. */
export function referenceLabelText(input: Omit<ReferenceLayerInput, 'zoom' | 'theme' | 'fontFamily'>): string {
  const full = { ...input, zoom: 0, theme: 'dark' as const, fontFamily: '' };
  return [...input.cities.map((city) => localName(city, input.locale)), ...input.sites.map((site) => siteLabel(site, full))].join('');
}

/**
 * Channels as lines, sites as mode icons on a halo (an amber dashed-looking ring marks an
 * estimated position, grey marks closed or suspended), and city and site labels.
 */
export function buildReferenceLayers(input: ReferenceLayerInput): Layer[] {
  const palette = LAYER_PALETTES[input.theme];
  const showSiteLabels = input.zoom >= SITE_LABEL_MIN_ZOOM;
  return [
    new PathLayer<ReferenceChannel>({
      id: 'channels',
      data: input.channels as ReferenceChannel[],
      getPath: (channel) => channel.coordinates,
      getColor: (channel) => (channel.confidence === 'estimated' ? palette.channelEstimated : palette.channel),
      getWidth: 3,
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: true,
      updateTriggers: { getColor: input.theme },
    }),
    new ScatterplotLayer<ReferenceSite>({
      id: 'site-halos',
      data: input.sites as ReferenceSite[],
      getPosition: (site) => [site.lon, site.lat],
      getRadius: 13,
      radiusUnits: 'pixels',
      stroked: true,
      filled: true,
      getFillColor: palette.siteHalo,
      getLineColor: (site) =>
        site.status !== 'open'
          ? palette.siteClosed
          : site.confidence === 'estimated'
            ? palette.siteEstimatedRing
            : palette.siteMode[site.iconMode],
      getLineWidth: (site) => (site.confidence === 'estimated' ? 3 : 2),
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: input.theme, getLineColor: input.theme },
    }),
    new IconLayer<ReferenceSite>({
      id: 'site-icons',
      data: input.sites as ReferenceSite[],
      getPosition: (site) => [site.lon, site.lat],
      getIcon: (site) => siteIcon(site.iconMode),
      getSize: 18,
      sizeUnits: 'pixels',
      getColor: (site) => (site.status !== 'open' ? palette.siteClosed : palette.siteMode[site.iconMode]),
      updateTriggers: { getColor: input.theme },
    }),
    new TextLayer<ReferenceCity>({
      id: 'city-labels',
      data: input.cities as ReferenceCity[],
      getPosition: (city) => [city.lon, city.lat],
      getText: (city) => localName(city, input.locale),
      getSize: 17,
      getColor: palette.cityLabel,
      fontFamily: input.fontFamily,
      fontWeight: 700,
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
      outlineWidth: 4,
      outlineColor: palette.labelOutline,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      updateTriggers: { getText: input.locale, getColor: input.theme },
    }),
    new TextLayer<ReferenceSite>({
      id: 'site-labels',
      data: input.sites as ReferenceSite[],
      visible: showSiteLabels,
      getPosition: (site) => [site.lon, site.lat],
      getText: (site) => siteLabel(site, input),
      getSize: 13,
      getColor: palette.siteLabel,
      fontFamily: input.fontFamily,
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
      outlineWidth: 4,
      outlineColor: palette.labelOutline,
      getTextAnchor: 'start',
      getAlignmentBaseline: 'center',
      getPixelOffset: [16, 0],
      updateTriggers: { getText: [input.locale, input.flags.estimated], getColor: input.theme },
    }),
  ];
}
