import type * as maplibregl from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';

/** The parts of deck's Deck that the settled check reads (MapboxOverlay keeps its Deck private). */
interface DeckInternals {
  layerManager?: { getLayers(): { isLoaded: boolean }[]; needsUpdate(): string | false } | null;
  needsRedraw(options: { clearRedrawFlags: boolean }): string | false;
}

function deckOf(overlay: MapboxOverlay | null): DeckInternals | undefined {
  return (overlay as unknown as { _deck?: DeckInternals } | null)?._deck;
}

/** Whether every layer of the overlay has loaded what it draws (icons, font atlases). */
export function overlayLayersLoaded(overlay: MapboxOverlay | null): boolean {
  const deck = deckOf(overlay);
  return deck !== undefined && (deck.layerManager?.getLayers() ?? []).every((layer) => layer.isLoaded);
}

/** Whether the overlay has drawn the layers it was last given, each of them loaded. */
function isOverlaySettled(overlay: MapboxOverlay | null): boolean {
  const deck = deckOf(overlay);
  if (deck === undefined || deck.layerManager === null || deck.layerManager === undefined) return false;
  return !deck.layerManager.needsUpdate() && !deck.needsRedraw({ clearRedrawFlags: false }) && overlayLayersLoaded(overlay);
}

/**
 * Whether MapLibre has nothing left to draw: style and tiles loaded, no camera movement, no frame
 * asked for. A style change or an arriving tile asks for a frame synchronously, so a pending frame
 * is the one sign that the basemap on screen is about to change (MapLibre keeps it private).
 */
function isBasemapIdle(map: maplibregl.Map): boolean {
  const pendingFrame = (map as unknown as { _frameRequest?: unknown })._frameRequest;
  return map.loaded() && !map.isMoving() && (pendingFrame === null || pendingFrame === undefined);
}

/**
 * Calls `onSettled` once, when the basemap is idle and the overlay has drawn its current layers,
 * all loaded. Nothing is redrawn to find out: the basemap is waited for at its `idle` event only
 * while it still has frames to draw, and the overlay is looked at on the page's animation frames.
 * (Forcing a repaint to earn an `idle` event redrew the whole coastline, ~250,000 vertices in
 * software WebGL, for every answer, and a timeline drag then waited on the basemap each frame.)
 * Returns a function that stops waiting.
 */
export function whenMapSettles(map: maplibregl.Map, overlay: () => MapboxOverlay | null, onSettled: () => void): () => void {
  let stopped = false;
  let frame: number | null = null;
  const look = () => {
    frame = null;
    if (stopped) return;
    if (!isBasemapIdle(map)) {
      map.once('idle', look);
      return;
    }
    if (isOverlaySettled(overlay())) {
      stopped = true;
      onSettled();
    } else frame = requestAnimationFrame(look);
  };
  frame = requestAnimationFrame(look);
  return () => {
    stopped = true;
    if (frame !== null) cancelAnimationFrame(frame);
    map.off('idle', look);
  };
}
