import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { ALERT_ZOOM, savedView, wallAlertView, wallItemView, wallShownView } from './wallViews.ts';

describe('wall views', () => {
  it('show an item, an alert over the interrupted item, or the base view — always valid wall views', () => {
    fc.assert(
      fc.property(
        fc.array(viewStateArbitrary, { maxLength: 4 }),
        viewStateArbitrary,
        fc.nat({ max: 5 }),
        fc.oneof(fc.constant(null), fc.record({ target: fc.constant('site' as const), id: fc.constant('LW'), lon: fc.double({ min: 112, max: 115, noNaN: true }), lat: fc.double({ min: 21, max: 24, noNaN: true }) }), fc.record({ target: fc.constant('cell' as const), id: fc.constant('87411c9a8ffffff'), lon: fc.constant(114), lat: fc.constant(22.5) })),
        fc.constantFrom('item', 'alert', 'none'),
        (views, base, index, alert, kind) => {
          const items = views.map((view) => ({ view }));
          const shown = kind === 'item' ? { kind, index } : kind === 'alert' ? { kind, key: 'site:LW' } : { kind };
          const view = wallShownView(shown as Parameters<typeof wallShownView>[0], items, index, base, alert, 'zh-Hant');
          expect(view.mode).toBe('wall');
          expect(view.locale).toBe('zh-Hant');
          expect(view.theme).toBe('dark');
          expect(view.drawer).toBeNull();
          expect(restoreViewState(view, defaultViewState()).notices).toEqual([]);
          const item = items.length === 0 ? base : items[Math.min(index, items.length - 1)].view;
          if (kind === 'none') expect(view.filters).toEqual(base.filters);
          else expect(view.filters).toEqual(item.filters);
          if (kind === 'alert' && alert !== null) {
            expect(view.selection).toEqual({ kind: 'alert', target: alert.target, id: alert.id });
            expect(view.camera!.zoom).toBeGreaterThanOrEqual(ALERT_ZOOM);
          } else expect(view.selection).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('saves a view for a playlist with T following now or fixed, and never changes the source', () => {
    const source = { ...defaultViewState(), drawer: 'filters' as const, selection: { kind: 'site' as const, id: 'LW' } };
    const copy = structuredClone(source);
    expect(savedView(source, null).model.at).toBeNull();
    expect(savedView(source, 1_700_000_000_000).model.at).toBe(1_700_000_000_000);
    expect(savedView(source, null).drawer).toBeNull();
    expect(source).toEqual(copy);
    expect(wallItemView(source, 'en').selection).toBeNull();
    expect(wallAlertView(source, { target: 'site', id: 'LW', lon: 114.1, lat: 22.5 }).camera).toEqual({ lon: 114.1, lat: 22.5, zoom: ALERT_ZOOM });
  });
});
