import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import basemapUrl from '../../geo/data/gbaBasemap.json?url';
import { GBA_VIEW_BOX } from '../../geo/referenceGeography.ts';
import { BASEMAP_DEFAULTS } from '../../geo/basemap/buildBasemap.ts';
import type { Viewport } from '../../board/BoardQuery.ts';
import type { Camera, Theme } from '../../view/ViewState.ts';
import { buildBasemapStyle } from '../map/basemapStyle.ts';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

function lngLatBox([west, south, east, north]: readonly number[]): [[number, number], [number, number]] {
  return [
    [west, south],
    [east, north],
  ];
}

/** What the wall map tells its owner. */
export interface WallMapEvents {
  /** The camera came to rest (after a glide): the viewport the events layer needs. */
  onMoveEnd(camera: Camera, viewport: Viewport): void;
  /** A WebGL context (basemap or overlay) was lost; `recovering` stays true until both draw again. */
  onGraphics(state: { lost: boolean; losses: number; recoveries: number; lastRecoveryMs: number | null }): void;
  /** The overlay drew a frame. */
  onAfterRender(): void;
}

/** How long the overlay waits for its lost context to come back before it starts on a fresh one, ms. */
const OVERLAY_RESTORE_WAIT_MS = 1000;

/**
 * The wall's one MapLibre map with its one deck.gl overlay, for the page's life: no controls and
 * no interaction (nobody touches a wall), cameras applied as glides, and survival of lost WebGL
 * contexts. MapLibre restores its own context when the browser gives it back; the overlay's
 * context cannot be refilled (deck.gl keeps no copy of its buffers), so the overlay's deck is
 * rebuilt on a fresh canvas — still one overlay at a time, and the old one is finalized — and
 * handed the last layers again.
 */
export class WallMap {
  readonly map: maplibregl.Map;
  private overlay: MapboxOverlay | null;
  private overlayCanvas: HTMLCanvasElement | null = null;
  private layers: Layer[] = [];
  private theme: Theme;
  private lineScale: number;
  private mapLost = false;
  private overlayLost = false;
  private lostAt = 0;
  private losses = 0;
  private recoveries = 0;
  private lastRecoveryMs: number | null = null;
  private overlayTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** A camera asked for while the basemap had no context (moving then would throw in the overlay's listeners). */
  private pendingCamera: { camera: Camera | null; pitch: number } | null = null;
  /** The map's latest error, as text (diagnostics). */
  private lastError: string | null = null;

  constructor(
    container: HTMLElement,
    theme: Theme,
    lineScale: number,
    camera: Camera | null,
    private readonly events: WallMapEvents,
  ) {
    this.theme = theme;
    this.lineScale = lineScale;
    this.map = new maplibregl.Map({
      container,
      style: buildBasemapStyle(theme, new URL(basemapUrl, document.baseURI).href, lineScale),
      ...(camera === null ? { bounds: lngLatBox(GBA_VIEW_BOX) } : { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }),
      maxBounds: lngLatBox(BASEMAP_DEFAULTS.clipBox),
      minZoom: 5,
      maxZoom: 15,
      interactive: false,
      attributionControl: false,
    });
    this.map.on('moveend', () => this.events.onMoveEnd(this.camera(), this.viewport()));
    this.map.on('error', (event) => (this.lastError = String((event as { error?: unknown }).error)));
    this.map.on('webglcontextlost', () => {
      this.lose('map');
      // The map has no style until its context is back, and the overlay's listeners read it on
      // every map event: the overlay is taken off now and built anew on the restored map.
      this.dropOverlay();
      this.overlayLost = true;
    });
    this.map.on('webglcontextrestored', () => {
      this.mapLost = false;
      const pending = this.pendingCamera;
      this.pendingCamera = null;
      if (pending !== null) this.glideTo(pending.camera, 0, pending.pitch);
      this.rebuildOverlay();
      this.settle();
    });
    this.overlay = this.createOverlay();
  }

  private createOverlay(): MapboxOverlay {
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: this.layers,
      onAfterRender: () => {
        this.watchOverlayCanvas();
        this.events.onAfterRender();
      },
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    });
    this.map.addControl(overlay);
    return overlay;
  }

  private readonly onOverlayLost = (event: Event): void => {
    // Without preventDefault the browser never gives the context back.
    event.preventDefault();
    this.lose('overlay');
    this.overlayTimer ??= setTimeout(() => this.rebuildOverlay(), OVERLAY_RESTORE_WAIT_MS);
  };

  private readonly onOverlayRestored = (): void => this.rebuildOverlay();

  private watchOverlayCanvas(): void {
    const canvas = this.overlay?.getCanvas() ?? null;
    if (canvas === null || canvas === this.overlayCanvas) return;
    this.unwatchOverlayCanvas();
    this.overlayCanvas = canvas;
    canvas.addEventListener('webglcontextlost', this.onOverlayLost);
    canvas.addEventListener('webglcontextrestored', this.onOverlayRestored);
  }

  private unwatchOverlayCanvas(): void {
    this.overlayCanvas?.removeEventListener('webglcontextlost', this.onOverlayLost);
    this.overlayCanvas?.removeEventListener('webglcontextrestored', this.onOverlayRestored);
    this.overlayCanvas = null;
  }

  /** Takes the overlay off the map (its deck finalized); a no-op when it is already off. */
  private dropOverlay(): void {
    this.unwatchOverlayCanvas();
    if (this.overlay === null) return;
    try {
      this.map.removeControl(this.overlay);
    } catch {
      // Finalizing a deck whose context is gone may throw; the deck is dropped either way.
    }
    this.overlay = null;
  }

  /** Builds the overlay anew once the map can carry it (its own context is lost, the map's is not). */
  private rebuildOverlay(): void {
    if (this.overlayTimer !== null) clearTimeout(this.overlayTimer);
    this.overlayTimer = null;
    if (this.destroyed || !this.overlayLost || this.mapLost) return;
    this.dropOverlay();
    try {
      this.overlay = this.createOverlay();
    } catch {
      this.overlay = null;
      this.overlayTimer = setTimeout(() => this.rebuildOverlay(), OVERLAY_RESTORE_WAIT_MS);
      return;
    }
    this.overlayLost = false;
    this.settle();
  }

  private lose(part: 'map' | 'overlay'): void {
    const wasLost = this.mapLost || this.overlayLost;
    if (part === 'map') this.mapLost = true;
    else this.overlayLost = true;
    if (!wasLost) {
      this.losses++;
      this.lostAt = performance.now();
    }
    this.report();
  }

  /** Once both parts are back: wait for a drawn, idle frame, then count the recovery. */
  private settle(): void {
    if (this.mapLost || this.overlayLost) return;
    const done = (): void => {
      if (this.mapLost || this.overlayLost || this.destroyed) return;
      if (this.recoveries < this.losses) {
        this.recoveries = this.losses;
        this.lastRecoveryMs = Math.round(performance.now() - this.lostAt);
      }
      this.report();
    };
    this.map.once('idle', done);
    this.map.triggerRepaint();
  }

  private report(): void {
    this.events.onGraphics({ lost: this.mapLost || this.overlayLost || this.recoveries < this.losses, losses: this.losses, recoveries: this.recoveries, lastRecoveryMs: this.lastRecoveryMs });
  }

  /** Resolves once the basemap style and its data have loaded. */
  async whenLoaded(): Promise<void> {
    if (!this.map.loaded()) await new Promise<void>((resolve) => this.map.once('load', () => resolve()));
  }

  /** Swaps the basemap palette or line widths. */
  setStyle(theme: Theme, lineScale: number): boolean {
    if (theme === this.theme && lineScale === this.lineScale) return false;
    this.theme = theme;
    this.lineScale = lineScale;
    this.map.setStyle(buildBasemapStyle(theme, new URL(basemapUrl, document.baseURI).href, lineScale));
    return true;
  }

  /** Replaces the overlay's data layers (deck.gl diffs them by id); kept for a rebuilt overlay. */
  setLayers(layers: Layer[]): void {
    this.layers = layers;
    this.overlay?.setProps({ layers });
  }

  camera(): Camera {
    const { lng, lat } = this.map.getCenter();
    return { lon: lng, lat, zoom: this.map.getZoom() };
  }

  viewport(): Viewport {
    const bounds = this.map.getBounds();
    return { west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth(), zoom: this.map.getZoom() };
  }

  /** Glides to `camera` (null: the whole Bay Area) in `durationMs`; 0 jumps. */
  glideTo(camera: Camera | null, durationMs: number, pitch: number): void {
    if (this.mapLost) {
      this.pendingCamera = { camera, pitch };
      return;
    }
    const duration = Math.max(0, Math.round(durationMs));
    if (camera === null) this.map.fitBounds(lngLatBox(GBA_VIEW_BOX), { duration, pitch, animate: duration > 0 });
    else this.map.easeTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, pitch, duration, animate: duration > 0 });
  }

  project(lon: number, lat: number): { x: number; y: number } {
    return this.map.project([lon, lat]);
  }

  /** Whether every overlay layer has loaded what it draws (icons, font atlases). */
  layersLoaded(): boolean {
    // MapboxOverlay keeps its Deck private, and Deck its layer manager; the ready check needs both.
    if (this.overlay === null) return false;
    const deck = (this.overlay as unknown as { _deck?: { layerManager?: { getLayers(): { isLoaded: boolean }[] } | null } })._deck;
    return (deck?.layerManager?.getLayers() ?? []).every((layer) => layer.isLoaded);
  }

  /** Which part has lost its context now (for tests and diagnostics). */
  graphicsParts(): { map: boolean; overlay: boolean; losses: number; recoveries: number; mapLoaded: boolean; styleLoaded: boolean; lastError: string | null } {
    return { map: this.mapLost, overlay: this.overlayLost, losses: this.losses, recoveries: this.recoveries, mapLoaded: this.map.loaded(), styleLoaded: this.map.style?._loaded === true, lastError: this.lastError };
  }

  /** The two canvases (basemap, overlay), for tests that force a context loss. */
  canvases(): HTMLCanvasElement[] {
    const overlay = this.overlay?.getCanvas() ?? null;
    return overlay ? [this.map.getCanvas(), overlay] : [this.map.getCanvas()];
  }

  destroy(): void {
    this.destroyed = true;
    if (this.overlayTimer !== null) clearTimeout(this.overlayTimer);
    this.dropOverlay();
    this.map.remove();
  }
}
