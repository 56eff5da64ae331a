import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import basemapUrl from '../../geo/data/gbaBasemap.json?url';
import { GBA_VIEW_BOX } from '../../geo/referenceGeography.ts';
import { BASEMAP_DEFAULTS } from '../../geo/basemap/buildBasemap.ts';
import type { Theme } from '../preferences.ts';
import { buildBasemapStyle } from './basemapStyle.ts';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** Absolute URL of the shipped basemap, resolved against the page so any sub-path works. */
function resolvedBasemapUrl(): string {
  return new URL(basemapUrl, document.baseURI).href;
}

function basemapClipBox(): [[number, number], [number, number]] {
  const [west, south, east, north] = BASEMAP_DEFAULTS.clipBox;
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * The board's one MapLibre map with its one deck.gl overlay, for the page's whole life.
 * Themes swap the basemap style; data layers are replaced through `setLayers`.
 */
export class BoardMap {
  readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;

  constructor(container: HTMLElement, theme: Theme, attribution: string) {
    const [west, south, east, north] = GBA_VIEW_BOX;
    this.map = new maplibregl.Map({
      container,
      style: buildBasemapStyle(theme, resolvedBasemapUrl()),
      bounds: [
        [west, south],
        [east, north],
      ],
      // The basemap is clipped to this box: panning further would show its straight edge.
      maxBounds: basemapClipBox(),
      hash: 'view',
      minZoom: 5,
      maxZoom: 15,
      attributionControl: { compact: true, customAttribution: attribution },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    // Overlaid (not interleaved) mode: interleaved rendering throws with maplibre-gl 6.
    this.overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    this.map.addControl(this.overlay);
  }

  /** Resolves once the basemap style and its data have loaded. */
  whenLoaded(): Promise<void> {
    return this.map.loaded() ? Promise.resolve() : new Promise((resolve) => this.map.once('load', () => resolve()));
  }

  /** Swaps the basemap palette; the deck.gl layers are untouched. */
  setTheme(theme: Theme): void {
    this.map.setStyle(buildBasemapStyle(theme, resolvedBasemapUrl()));
  }

  /** Replaces the overlay's data layers (deck.gl diffs them by id). */
  setLayers(layers: Layer[]): void {
    this.overlay.setProps({ layers });
  }

  /** Current zoom, for layers that show detail only when zoomed in. */
  get zoom(): number {
    return this.map.getZoom();
  }

  /** Releases the map and its WebGL contexts. */
  destroy(): void {
    this.map.removeControl(this.overlay);
    this.map.remove();
  }
}
