import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import basemapUrl from '../../geo/data/gbaBasemap.json?url';
import { GBA_VIEW_BOX } from '../../geo/referenceGeography.ts';
import { BASEMAP_DEFAULTS } from '../../geo/basemap/buildBasemap.ts';
import type { Viewport } from '../../board/BoardQuery.ts';
import type { Camera, Theme } from '../../view/ViewState.ts';
import { roundViewport } from '../../board/roundViewport.ts';
import { buildBasemapStyle } from './basemapStyle.ts';
import { whenMapSettles } from './whenMapSettles.ts';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** Absolute URL of the shipped basemap, resolved against the page so any sub-path works. */
function resolvedBasemapUrl(): string {
  return new URL(basemapUrl, document.baseURI).href;
}

function lngLatBox([west, south, east, north]: readonly number[]): [[number, number], [number, number]] {
  return [
    [west, south],
    [east, north],
  ];
}

/** What the board map reports to its owner. */
export interface BoardMapEvents {
  onHover(info: PickingInfo): void;
  onClick(info: PickingInfo): void;
  /** Before every frame the overlay draws, its layers updated (to time layer updates). */
  onBeforeRender(): void;
  /** After every frame the overlay draws (to time layer updates and know when new layers are on screen). */
  onAfterRender(): void;
}

/** Camera differences below these are the URL's rounding, not a move (zoom 2 decimals, degrees 5). */
const SAME_ZOOM = 0.006;
const SAME_DEGREES = 2e-5;

/** Whether two cameras differ by no more than the URL's rounding. */
export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.zoom - b.zoom) < SAME_ZOOM && Math.abs(a.lat - b.lat) < SAME_DEGREES && Math.abs(a.lon - b.lon) < SAME_DEGREES;
}

/** A metric scale bar up to 100 px wide at a line scale of 1 (MapLibre's default). */
function scaleControlFor(lineScale: number): maplibregl.ScaleControl {
  return new maplibregl.ScaleControl({ unit: 'metric', maxWidth: Math.round(100 * lineScale) });
}

/**
 * The board's one MapLibre map with its one deck.gl overlay, for the page's whole life. The map
 * never writes the URL itself: its owner reads `camera()` on moveend and applies outside cameras
 * with `jumpTo`. Themes and line scale swap the basemap style; data layers go through `setLayers`
 * (deck.gl diffs them by id).
 */
export class BoardMap {
  readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private theme: Theme;
  private lineScale: number;
  private pickingRadius = 4;
  /** Sized by the line scale (its bar's width is in CSS pixels, its text follows the root font). */
  private scaleControl: maplibregl.ScaleControl;
  /** Whether the map still shows the default view (framed again when the container resizes). */
  private framingDefault: boolean;

  constructor(container: HTMLElement, theme: Theme, lineScale: number, camera: Camera | null, attribution: string, events: BoardMapEvents) {
    this.theme = theme;
    this.lineScale = lineScale;
    this.map = new maplibregl.Map({
      container,
      style: buildBasemapStyle(theme, resolvedBasemapUrl(), lineScale),
      ...(camera === null ? { bounds: lngLatBox(GBA_VIEW_BOX) } : { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }),
      // The basemap is clipped to this box: panning further would show its straight edge.
      maxBounds: lngLatBox(BASEMAP_DEFAULTS.clipBox),
      minZoom: 5,
      maxZoom: 15,
      attributionControl: { compact: true, customAttribution: attribution },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.scaleControl = scaleControlFor(lineScale);
    this.map.addControl(this.scaleControl, 'bottom-right');
    // Overlaid (not interleaved) mode: interleaved rendering throws with maplibre-gl 6. The overlay
    // keeps its last frame (preserveDrawingBuffer) so that capture() can copy it at any time.
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      pickingRadius: 4,
      onHover: (info) => events.onHover(info),
      onClick: (info) => events.onClick(info),
      onBeforeRender: () => events.onBeforeRender(),
      onAfterRender: () => events.onAfterRender(),
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      // A flat map: layers stack in the order given (the layer stack), not by depth — arcs and
      // coplanar marks would otherwise cover labels drawn after them. Extruded hotspots turn
      // depth back on for themselves.
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    });
    this.map.addControl(this.overlay);
    // deck.gl's input manager makes its canvas a tab stop with no name and no focus ring, though it
    // takes no keys here: the map's own canvas under it does. Taken out once the manager has set it.
    const leaveTabOrder = () => {
      const deckCanvas = this.map.getContainer().querySelector<HTMLCanvasElement>('.deck-widget-container canvas');
      if (deckCanvas === null || !deckCanvas.hasAttribute('tabindex')) return;
      deckCanvas.tabIndex = -1;
      this.map.off('render', leaveTabOrder);
    };
    this.map.on('render', leaveTabOrder);
    // The default view frames the Bay Area in the map's final size: the container is often still
    // being laid out when the map is made (a fit then lands zoomed far out), so it is framed again
    // on every resize until someone moves the map or a camera is applied.
    this.framingDefault = camera === null;
    this.map.on('resize', () => {
      if (this.framingDefault) this.map.fitBounds(lngLatBox(GBA_VIEW_BOX), { animate: false });
    });
    this.map.on('movestart', (event: { originalEvent?: unknown }) => {
      if (event.originalEvent !== undefined) this.framingDefault = false;
    });
    if (this.framingDefault) void this.whenLoaded().then(() => this.framingDefault && this.map.fitBounds(lngLatBox(GBA_VIEW_BOX), { animate: false }));
  }

  /**
   * Resolves once the basemap style and its data have loaded. The compact attribution is folded
   * then (MapLibre shows it open until the first drag, over the map's bottom edge).
   */
  async whenLoaded(): Promise<void> {
    if (!this.map.loaded()) await new Promise<void>((resolve) => this.map.once('load', () => resolve()));
    this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
  }

  /** Swaps the basemap palette or line widths (diffed by MapLibre: the source is kept); the deck.gl layers are untouched. */
  setStyle(theme: Theme, lineScale: number): boolean {
    if (theme === this.theme && lineScale === this.lineScale) return false;
    if (lineScale !== this.lineScale) {
      this.map.removeControl(this.scaleControl);
      this.scaleControl = scaleControlFor(lineScale);
      this.map.addControl(this.scaleControl, 'bottom-right');
    }
    this.theme = theme;
    this.lineScale = lineScale;
    this.map.setStyle(buildBasemapStyle(theme, resolvedBasemapUrl(), lineScale));
    return true;
  }

  /** Replaces the overlay's data layers (deck.gl diffs them by id). */
  setLayers(layers: Layer[]): void {
    this.overlay.setProps({ layers });
  }

  /** Sets how far around the pointer picking looks, CSS pixels. */
  setPickingRadius(pixels: number): void {
    this.pickingRadius = Math.round(pixels);
    this.overlay.setProps({ pickingRadius: this.pickingRadius });
  }

  /** What is drawn at a point now (CSS pixels in the map), as a hover would pick it; null for nothing. */
  pickAt(x: number, y: number): PickingInfo | null {
    return this.overlay.pickObject({ x, y, radius: this.pickingRadius });
  }

  /** The camera now. */
  camera(): Camera {
    const { lng, lat } = this.map.getCenter();
    return { lon: lng, lat, zoom: this.map.getZoom() };
  }

  /**
   * The camera the view records: null while the map still frames the default view (so the view,
   * its URL and a copied link keep saying "the whole Bay Area, whatever the screen's shape"), the
   * camera once someone or something moved the map.
   */
  viewCamera(): Camera | null {
    return this.framingDefault ? null : this.camera();
  }

  /** Whether the map frames the default view now (nothing moved it since it was asked to). */
  framesDefault(): boolean {
    return this.framingDefault;
  }

  /** The visible box and zoom, for the events layer the worker sends. */
  viewport(): Viewport {
    const bounds = this.map.getBounds();
    return roundViewport({ west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth(), zoom: this.map.getZoom() });
  }

  /** Applies a camera from outside (a link, Back/Forward) at once; null frames the whole Bay Area. */
  jumpTo(camera: Camera | null): void {
    this.framingDefault = camera === null;
    if (camera === null) this.map.fitBounds(lngLatBox(GBA_VIEW_BOX), { animate: false });
    else this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  /** Fits `bounds` ([w, s, e, n]) to the screen with a margin, animated. */
  fitBounds(bounds: readonly [number, number, number, number], padding: number): void {
    this.framingDefault = false;
    this.map.fitBounds(lngLatBox(bounds), { padding, maxZoom: 13, duration: 700 });
  }

  /** Centres on a place, zooming in to at least `zoom`. */
  flyTo(lon: number, lat: number, zoom: number): void {
    this.framingDefault = false;
    this.map.easeTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), zoom), duration: 700 });
  }

  /** Tilts the camera (for extruded hotspots) or lays it flat. */
  setPitch(pitch: number): void {
    if (Math.abs(this.map.getPitch() - pitch) > 0.5) this.map.easeTo({ pitch, duration: 500 });
  }

  /** Screen position of a place, CSS pixels from the map's top left. */
  project(lon: number, lat: number): { x: number; y: number } {
    return this.map.project([lon, lat]);
  }

  /** Sets the pointer over the map (MapLibre's canvas takes the events; deck.gl's lies above it). */
  setCursor(cursor: string): void {
    this.map.getCanvas().style.cursor = cursor;
  }

  /**
   * Calls `onSettled` once the basemap is idle and the overlay has drawn its current layers, all
   * loaded (icons, font atlases); returns a function that stops waiting.
   */
  whenSettled(onSettled: () => void): () => void {
    return whenMapSettles(this.map, () => this.overlay, onSettled);
  }

  /**
   * One canvas with the basemap and the overlay as they are on screen (device pixels), for the PNG
   * export. The basemap's drawing buffer is read inside its own render event (valid until the frame
   * is shown, so MapLibre needs no preserved buffer), after the overlay redrew for that frame.
   */
  capture(): Promise<HTMLCanvasElement> {
    return new Promise((resolve) => {
      this.map.once('render', () => {
        const base = this.map.getCanvas();
        const out = document.createElement('canvas');
        out.width = base.width;
        out.height = base.height;
        const context = out.getContext('2d')!;
        context.drawImage(base, 0, 0);
        const overlay = this.overlay.getCanvas();
        if (overlay) context.drawImage(overlay, 0, 0, out.width, out.height);
        resolve(out);
      });
      this.map.triggerRepaint();
    });
  }

  /** Releases the map and its WebGL contexts. */
  destroy(): void {
    this.map.removeControl(this.overlay);
    this.map.remove();
  }
}
