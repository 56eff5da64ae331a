import type { Layer } from '@deck.gl/core';

/**
 * The overlay's layers by name, bottom to top. Density and hotspots lie lowest so that everything
 * placed on them stays visible; links run under the places they join; alerts ring the sites; the
 * drawn area and the selection outline sit above the data; labels are always on top.
 */
export const LAYER_STACK = ['heatmap', 'hotspots', 'channels', 'links', 'events', 'sites', 'alerts', 'area', 'selection', 'labels'] as const;

/** One slot of the layer stack. */
export type StackSlot = (typeof LAYER_STACK)[number];

/** The layers of each slot (a slot may hold several deck.gl layers, or none). */
export type StackedLayers = Partial<Record<StackSlot, readonly (Layer | null)[]>>;

/** The layers in stack order (slot by slot, each slot's layers in the order given); nulls dropped. */
export function stackLayers(slots: StackedLayers): Layer[] {
  const ordered: Layer[] = [];
  for (const slot of LAYER_STACK) {
    for (const layer of slots[slot] ?? []) if (layer !== null) ordered.push(layer);
  }
  return ordered;
}
