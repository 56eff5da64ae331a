import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { LAYER_STACK, stackLayers } from './layerStack.ts';

const fake = (id: string) => ({ id }) as unknown as Layer;

describe('the layer stack', () => {
  it('orders layers by slot name, whatever order the slots are given in', () => {
    const layers = stackLayers({ labels: [fake('labels')], hotspots: [fake('hotspots')], alerts: [fake('alert-outer'), fake('alert-inner')], heatmap: [fake('heat')] });
    expect(layers.map((layer) => layer.id)).toEqual(['heat', 'hotspots', 'alert-outer', 'alert-inner', 'labels']);
  });

  it('keeps hotspots under everything drawn on them and labels on top', () => {
    const index = (slot: (typeof LAYER_STACK)[number]) => LAYER_STACK.indexOf(slot);
    for (const slot of ['channels', 'links', 'events', 'sites', 'alerts', 'labels'] as const) expect(index('hotspots')).toBeLessThan(index(slot));
    expect(index('sites')).toBeLessThan(index('alerts'));
    expect(LAYER_STACK.at(-1)).toBe('labels');
    expect(new Set(LAYER_STACK).size).toBe(LAYER_STACK.length);
  });

  it('drops empty slots and null layers', () => {
    expect(stackLayers({ events: [null], sites: [] })).toEqual([]);
  });
});
