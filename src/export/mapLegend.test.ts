import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS } from '../view/ViewState.ts';
import { mapLegend } from './mapLegend.ts';

describe('mapLegend', () => {
  const scale = { stops: ['#000', '#fff'], ticks: [{ score: 1234.5, fraction: 1 }, { score: 123.45, fraction: 2 / 3 }] };

  it('shows the hotspot scale and the categories the filters admit, for the layers that are on', () => {
    const blocks = mapLegend({ layers: DEFAULT_LAYERS, filters: { categories: ['tobacco', 'narcotics'] }, scale, locale: 'en' });
    expect(blocks.map((block) => block.kind)).toEqual(['gradient', 'swatches']);
    expect(blocks[0]).toMatchObject({ title: 'Hotspot score', ticks: [{ fraction: 1, label: '1,230' }, { label: '123' }] });
    expect(blocks[1].kind === 'swatches' && blocks[1].items.map((item) => item.label)).toEqual(['Narcotics', 'Tobacco']);
  });

  it('leaves out what is switched off or empty', () => {
    expect(mapLegend({ layers: { ...DEFAULT_LAYERS, hotspots: false, events: false }, filters: { categories: null }, scale, locale: 'en' })).toEqual([]);
    expect(mapLegend({ layers: { ...DEFAULT_LAYERS, events: false }, filters: { categories: null }, scale: null, locale: 'en' })).toEqual([]);
  });
});
