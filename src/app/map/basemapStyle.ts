import type { MapOptions } from 'maplibre-gl';
import type { Jurisdiction } from '../../domain/jurisdictions.ts';

/** maplibre's style document type (maplibre-gl 6 exposes it only through MapOptions). */
export type StyleSpecification = Exclude<NonNullable<MapOptions['style']>, string>;

type LayerSpecification = StyleSpecification['layers'][number];

/** Basemap themes: `dark` for wall displays, `light` for print. */
export type BasemapTheme = 'dark' | 'light';

/** Colours of one basemap theme; the UI reuses them so its chrome matches the map. */
export interface BasemapPalette {
  water: string;
  land: Record<Jurisdiction, string>;
  coastline: string;
  /** The jurisdictions' boundary: never the alert rings' warn colour, which it runs beside. */
  boundary: string;
  /** Drawn under the dashed boundary so that it reads on any land tone. */
  boundaryCasing: string;
  /** Hengqin first line (faces Macao). */
  firstLine: string;
  /** Hengqin second line (faces the rest of the Mainland). */
  secondLine: string;
}

/** The two basemap palettes. */
export const BASEMAP_PALETTES: Readonly<Record<BasemapTheme, Readonly<BasemapPalette>>> = {
  dark: {
    water: '#06101e',
    land: { Mainland: '#22324a', 'Hong Kong': '#263a55', Macao: '#2a3852' },
    coastline: '#3d5270',
    boundary: '#f4a3b4',
    boundaryCasing: '#0a1628',
    firstLine: '#ff5cd6',
    secondLine: '#3fd8ff',
  },
  light: {
    water: '#b9d3e8',
    land: { Mainland: '#f6f4ee', 'Hong Kong': '#f1ede3', Macao: '#f0ebe4' },
    coastline: '#93a9bf',
    boundary: '#9b1c2c',
    boundaryCasing: '#ffffff',
    firstLine: '#6a1b9a',
    secondLine: '#00697f',
  },
};

/** Id of the GeoJSON source holding src/geo/data/gbaBasemap.json. */
export const BASEMAP_SOURCE_ID = 'gba-basemap';

/**
 * How MapLibre's worker tiles the basemap GeoJSON. The file carries the source's own vertices;
 * the tiler simplifies each tile to `tolerance` screen pixels of its zoom, so low zooms get light
 * tiles and port zooms the full coastline.
 * - `tolerance` 0.375 px (MapLibre's default, stated so that it is a decision): at zoom 13 that is
 *   about 7 m on the ground, under the 10 m the source was simplified to.
 * - `maxzoom` 14: a zoom-14 tile keeps vertices 1.6 m apart, finer than the source's 1e-5° (1.1 m)
 *   positions mostly are; the map's zoom 15 draws the zoom-14 tiles over-zoomed instead of
 *   cutting a new level.
 * - `buffer` 32 px (default 128): the widest basemap line is 6 px, so 32 px hides every tile seam;
 *   a 512-px tile with its margin then covers 1.27× its own area instead of 2.25×.
 */
export const BASEMAP_TILING = { tolerance: 0.375, maxzoom: 14, buffer: 32 } as const;

/** Ids of the basemap's layers, bottom to top. */
export const BASEMAP_LAYER_IDS = [
  'water',
  'land',
  'coastline',
  'boundary-casing',
  'boundary',
  'hengqin-second-line',
  'hengqin-second-line-estimated',
  'hengqin-first-line',
  'hengqin-first-line-estimated',
] as const;

/** Largest factor basemap lines grow by with the root font size (a 4K wall); BASEMAP_TILING's margin holds them. */
export const MAX_BASEMAP_LINE_SCALE = 2;

/** Line width in pixels growing with zoom: `low` at zoom 6, `high` at zoom 13, times `scale`. */
function widthByZoom(low: number, high: number, scale: number): ['interpolate', ['linear'], ['zoom'], number, number, number, number] {
  return ['interpolate', ['linear'], ['zoom'], 6, low * scale, 13, high * scale];
}

function controlLineLayers(line: 'first' | 'second', color: string, scale: number): LayerSpecification[] {
  const common = {
    type: 'line' as const,
    source: BASEMAP_SOURCE_ID,
    layout: { 'line-join': 'round' as const },
  };
  // Estimated geometry is always broken, so a schematic line is never mistaken for a measured
  // one: long dashes for the first line, dots for the second.
  const estimatedDash = line === 'first' ? [2.5, 1.2] : [0.6, 1.4];
  return [
    {
      ...common,
      id: `hengqin-${line}-line`,
      filter: ['all', ['==', ['get', 'layer'], 'control_line'], ['==', ['get', 'line'], line], ['!=', ['get', 'confidence'], 'estimated']],
      paint: { 'line-color': color, 'line-width': widthByZoom(1.5, 3.5, scale) },
    },
    {
      ...common,
      id: `hengqin-${line}-line-estimated`,
      filter: ['all', ['==', ['get', 'layer'], 'control_line'], ['==', ['get', 'line'], line], ['==', ['get', 'confidence'], 'estimated']],
      paint: { 'line-color': color, 'line-width': widthByZoom(1.5, 3.5, scale), 'line-dasharray': estimatedDash },
    },
  ];
}

/**
 * The maplibre style of the offline basemap: water as background, land tinted per jurisdiction,
 * coastline, dashed land boundaries and Hengqin's two customs lines. It has no glyphs, sprite or
 * symbol layers, so it loads nothing but `basemapUrl`; labels are drawn by deck.gl.
 *
 * @param theme `dark` for wall displays, `light` for print
 * @param basemapUrl URL of gbaBasemap.json (a GeoJSON FeatureCollection)
 * @param lineScale factor on every line width (the root font size over 16), capped at MAX_BASEMAP_LINE_SCALE
 */
export function buildBasemapStyle(theme: BasemapTheme, basemapUrl: string, lineScale = 1): StyleSpecification {
  const palette = BASEMAP_PALETTES[theme];
  const scale = Math.min(MAX_BASEMAP_LINE_SCALE, Math.max(0.5, lineScale));
  return {
    version: 8,
    name: `Tidegate GBA basemap (${theme})`,
    sources: {
      [BASEMAP_SOURCE_ID]: {
        type: 'geojson',
        data: basemapUrl,
        ...BASEMAP_TILING,
        attribution: '© OpenStreetMap contributors',
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': palette.water } },
      {
        id: 'land',
        type: 'fill',
        source: BASEMAP_SOURCE_ID,
        filter: ['==', ['get', 'layer'], 'land'],
        paint: {
          'fill-color': [
            'match',
            ['get', 'jurisdiction'],
            'Hong Kong',
            palette.land['Hong Kong'],
            'Macao',
            palette.land.Macao,
            palette.land.Mainland,
          ],
          'fill-antialias': true,
        },
      },
      {
        id: 'coastline',
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        filter: ['==', ['get', 'layer'], 'land'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': palette.coastline, 'line-width': widthByZoom(0.5, 1.2, scale) },
      },
      {
        id: 'boundary-casing',
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        filter: ['==', ['get', 'layer'], 'boundary'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': palette.boundaryCasing, 'line-width': widthByZoom(3, 6, scale), 'line-opacity': 0.7 },
      },
      {
        id: 'boundary',
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        filter: ['==', ['get', 'layer'], 'boundary'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': palette.boundary, 'line-width': widthByZoom(1.6, 3.2, scale), 'line-dasharray': [3, 1.5] },
      },
      ...controlLineLayers('second', palette.secondLine, scale),
      ...controlLineLayers('first', palette.firstLine, scale),
    ],
  };
}
