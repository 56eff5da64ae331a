import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay, type MapboxOverlayProps } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import basemapUrl from '../../geo/data/gbaBasemap.json?url';
import { GBA_VIEW_BOX } from '../../geo/referenceGeography.ts';
import { BASEMAP_DEFAULTS } from '../../geo/basemap/buildBasemap.ts';
import type { Viewport } from '../../board/BoardQuery.ts';
import type { Camera, Theme } from '../../view/ViewState.ts';
import { buildBasemapStyle } from '../map/basemapStyle.ts';
import { overlayLayersLoaded, whenMapSettles } from '../map/whenMapSettles.ts';
import { releaseStylesLostWithContext } from '../map/releaseStylesLostWithContext.ts';

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
  /** A WebGL context (basemap or overlay) was lost, or the wall drew again after one. */
  onGraphics(state: WallGraphics): void;
  /** The overlay drew a frame. */
  onAfterRender(): void;
}

/** The wall map's graphics health: context losses and how long the wall took to draw again. */
export interface WallGraphics {
  /** A context is lost, or the wall has not drawn again since the last loss. */
  lost: boolean;
  losses: number;
  /** Losses after which both the basemap and the overlay drew again. */
  recoveries: number;
  /** From the last loss to the basemap drawn again (restored style, the view's tiles), ms. */
  lastBasemapMs: number | null;
  /** From the last loss to the basemap and the overlay both drawn again, ms. */
  lastRecoveryMs: number | null;
  /** The slowest of each since the page opened, ms. */
  slowestBasemapMs: number | null;
  slowestRecoveryMs: number | null;
}

/**
 * How long a lost overlay waits before it is rebuilt, ms: a whole-GPU loss reports the overlay's
 * canvas and the map's one after the other, and the map's loss takes the overlay along (it is then
 * rebuilt once the basemap is back).
 */
const OVERLAY_REBUILD_DELAY_MS = 250;

const slower = (slowest: number | null, ms: number): number => (slowest === null ? ms : Math.max(slowest, ms));

/** The luma.gl device deck.gl made for an overlay (luma.gl itself is not a direct dependency). */
type OverlayDevice = Parameters<NonNullable<MapboxOverlayProps['onDeviceInitialized']>>[0];

/**
 * The wall's one MapLibre map with its one deck.gl overlay, for the page's life: no controls and
 * no interaction (nobody touches a wall), cameras applied as glides, and survival of lost WebGL
 * contexts. MapLibre restores its own context when the browser gives it back (maplibre-gl 6
 * rebuilds its whole style from a snapshot: the basemap GeoJSON is parsed and tiled again); the
 * overlay's context cannot be refilled (deck.gl keeps no copy of its buffers), so the overlay's
 * deck is rebuilt on a fresh canvas — still one overlay at a time, the old one finalized and its
 * context released — and handed the last layers again.
 *
 * The basemap comes back first: the overlay is rebuilt only once the restored basemap has drawn
 * the view's tiles. Building both at once made them compete for the one GPU and the main thread
 * (a new deck compiles every layer's shaders, and on a software GPU each of its first frames
 * blocked the page for seconds, holding back the basemap's tiles from MapLibre's worker).
 */
export class WallMap {
  readonly map: maplibregl.Map;
  private overlay: MapboxOverlay | null;
  private overlayCanvas: HTMLCanvasElement | null = null;
  /** The overlay's luma.gl device: its canvas context is ended by hand when the overlay is dropped (below). */
  private overlayDevice: OverlayDevice | null = null;
  private layers: Layer[] = [];
  private theme: Theme;
  private lineScale: number;
  private mapLost = false;
  /** The map has its context back and is drawing its restored basemap. */
  private basemapPending = false;
  private overlayLost = false;
  /** A rebuilt overlay has not drawn its loaded layers yet. */
  private overlayPending = false;
  private lostAt = 0;
  private graphics: WallGraphics = { lost: false, losses: 0, recoveries: 0, lastBasemapMs: null, lastRecoveryMs: null, slowestBasemapMs: null, slowestRecoveryMs: null };
  private overlayTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** A camera asked for while the basemap had no context (moving then would throw in the overlay's listeners). */
  private pendingCamera: { camera: Camera | null; pitch: number } | null = null;

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
    releaseStylesLostWithContext(this.map);
    this.map.on('webglcontextlost', () => {
      this.lose('map');
      // The map has no style until its context is back, and the overlay's listeners read it on
      // every map event: the overlay is taken off now and built anew on the restored map.
      this.dropOverlay();
      this.overlayLost = true;
    });
    this.map.on('webglcontextrestored', () => {
      this.mapLost = false;
      this.basemapPending = true;
      const pending = this.pendingCamera;
      this.pendingCamera = null;
      if (pending !== null) this.glideTo(pending.camera, 0, pending.pitch);
      this.map.triggerRepaint();
    });
    this.map.on('render', () => this.checkBasemap());
    this.overlay = this.createOverlay();
  }

  /**
   * After a restore: the basemap is back once a frame was drawn with the restored style loaded and
   * every tile of the view loaded. Not `loaded()` or 'idle', which also wait for a glide under way
   * to end and for every source to settle, though the basemap is already on the screen.
   */
  private checkBasemap(): void {
    if (!this.basemapPending || this.mapLost || this.destroyed) return;
    if (this.map.style === null || this.map.style === undefined || !this.map.isStyleLoaded() || !this.map.areTilesLoaded()) return;
    this.basemapPending = false;
    const ms = Math.round(performance.now() - this.lostAt);
    this.graphics = { ...this.graphics, lastBasemapMs: ms, slowestBasemapMs: slower(this.graphics.slowestBasemapMs, ms) };
    this.report();
    this.rebuildOverlay();
  }

  private createOverlay(): MapboxOverlay {
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: this.layers,
      onAfterRender: () => {
        this.watchOverlayCanvas();
        if (this.overlayPending) this.checkOverlay();
        this.events.onAfterRender();
      },
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
      onDeviceInitialized: (device) => {
        this.overlayDevice = device;
      },
    });
    this.map.addControl(overlay);
    return overlay;
  }

  private readonly onOverlayLost = (event: Event): void => {
    // Without preventDefault the browser never gives the context back.
    event.preventDefault();
    this.lose('overlay');
    this.overlayTimer ??= setTimeout(() => this.rebuildOverlay(), OVERLAY_REBUILD_DELAY_MS);
  };

  /** A rebuilt overlay is back once it drew a frame with every layer loaded. */
  private checkOverlay(): void {
    if (!overlayLayersLoaded(this.overlay)) {
      // Layers still loading (a font atlas, icons) draw on a later frame: ask for it.
      this.map.triggerRepaint();
      return;
    }
    this.overlayPending = false;
    this.checkRecovered();
  }

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

  /** Takes the overlay off the map (its deck finalized, its context released); a no-op when it is already off. */
  private dropOverlay(): void {
    this.unwatchOverlayCanvas();
    if (this.overlay === null) return;
    const canvas = this.overlay.getCanvas();
    // The overlay's own element (deck's canvas and widgets live in it): MapboxOverlay's onRemove
    // finalizes the deck but leaves the element in the map's control container — one more element
    // in the page per context loss.
    const element = canvas?.parentElement ?? null;
    try {
      this.map.removeControl(this.overlay);
    } catch {
      // Finalizing a deck whose context is gone may throw; the deck is dropped either way.
    }
    element?.remove();
    // Finalizing the deck destroys its device but not the device's canvas context, whose
    // device-pixel-ratio watch (a MediaQueryList listener) would keep the whole dropped deck alive.
    this.overlayDevice?.canvasContext?.destroy();
    this.overlayDevice = null;
    this.overlay = null;
    // WebGL has no way to destroy a context: a finalized deck's one lives on until garbage
    // collection, and the browser keeps only so many (it then takes the oldest: the map's).
    // Losing it on purpose gives its GPU memory back now.
    const gl = canvas?.getContext('webgl2') ?? null;
    if (gl !== null && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /** Builds the overlay anew once the map can carry it: its context is back and its basemap drawn. */
  private rebuildOverlay(): void {
    if (this.overlayTimer !== null) clearTimeout(this.overlayTimer);
    this.overlayTimer = null;
    if (this.destroyed || !this.overlayLost || this.mapLost || this.basemapPending) return;
    this.dropOverlay();
    try {
      this.overlay = this.createOverlay();
    } catch {
      this.overlay = null;
      this.overlayTimer = setTimeout(() => this.rebuildOverlay(), OVERLAY_REBUILD_DELAY_MS);
      return;
    }
    this.overlayLost = false;
    this.overlayPending = true;
    this.map.triggerRepaint();
  }

  private recovering(): boolean {
    return this.mapLost || this.basemapPending || this.overlayLost || this.overlayPending;
  }

  private lose(part: 'map' | 'overlay'): void {
    // A loss while still recovering from the last one is the same outage, timed from its start.
    if (!this.recovering()) {
      this.graphics = { ...this.graphics, losses: this.graphics.losses + 1 };
      this.lostAt = performance.now();
    }
    if (part === 'map') {
      this.mapLost = true;
      this.basemapPending = false;
    } else {
      this.overlayLost = true;
      this.overlayPending = false;
    }
    this.report();
  }

  /** Counts the recovery once the basemap and the overlay have both drawn again. */
  private checkRecovered(): void {
    if (this.recovering() || this.destroyed || this.graphics.recoveries === this.graphics.losses) return;
    const ms = Math.round(performance.now() - this.lostAt);
    this.graphics = { ...this.graphics, recoveries: this.graphics.losses, lastRecoveryMs: ms, slowestRecoveryMs: slower(this.graphics.slowestRecoveryMs, ms) };
    this.report();
  }

  private report(): void {
    this.events.onGraphics({ ...this.graphics, lost: this.recovering() || this.graphics.recoveries < this.graphics.losses });
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

  /**
   * Calls `onSettled` once the basemap is idle and the overlay has drawn its current layers, all
   * loaded (icons, font atlases); returns a function that stops waiting.
   */
  whenSettled(onSettled: () => void): () => void {
    return whenMapSettles(this.map, () => this.overlay, onSettled);
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
