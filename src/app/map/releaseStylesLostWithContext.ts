import type * as maplibregl from 'maplibre-gl';

/** The part of a MapLibre style this works around: its internal teardown (not in the typings). */
interface RemovableStyle {
  _remove?(mapRemoved: boolean): void;
}

/**
 * Makes sure a style MapLibre destroys on a lost WebGL context can be garbage-collected.
 *
 * maplibre-gl 6 (checked on 6.17) destroys the style when the map's context is lost and builds a
 * new one from a snapshot when it is restored, but `Style.destroy()` leaves the style's listener
 * on the global right-to-left text plugin events (`Style._remove()` takes it off; `destroy()`
 * does not). That listener keeps the dead style alive, with its worker dispatcher and the raw
 * data of the tiles it was loading: about 250 KB per loss, measured on the wall. The style is
 * picked up as the loss begins (a capturing listener on the map's container runs before
 * MapLibre's own on the canvas), and once MapLibre has destroyed it, its `_remove(false)` — which
 * also only unhooks, the map staying — takes the listener off. Safe to drop once MapLibre's
 * destroy() does this itself; a MapLibre without `_remove` is left alone.
 */
export function releaseStylesLostWithContext(map: maplibregl.Map): void {
  let lostStyle: RemovableStyle | null = null;
  map.getContainer().addEventListener(
    'webglcontextlost',
    (event) => {
      // Only the map's own canvas: an overlay's canvas in the same container loses its context alone.
      if (event.target === map.getCanvas()) lostStyle = (map.style as unknown as RemovableStyle | undefined) ?? null;
    },
    { capture: true },
  );
  map.on('webglcontextlost', () => {
    const style = lostStyle;
    lostStyle = null;
    if (style === null || map.style === (style as unknown)) return;
    try {
      style._remove?.(false);
    } catch {
      // A teardown that fails leaves the leak as it was, never the map broken.
    }
  });
}
