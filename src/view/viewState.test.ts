import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreViewState, restoreViewText, MAX_VIEW_TEXT } from './restoreViewState.ts';
import { riskFiltersOf, riskParamsOf } from './riskQueryOf.ts';
import { viewStateArbitrary } from './viewStateArbitraries.ts';
import { checkMigrationSequence, VIEW_STATE_MIGRATIONS } from './viewStateMigrations.ts';
import { decodeViewUrl, encodeViewSearch, viewHref } from './viewStateUrl.ts';
import { defaultViewState, VIEW_STATE_VERSION, type ViewState } from './ViewState.ts';

const BASE = 'https://intra.example.org/ops/tidegate/index.html';

function throughUrl(state: ViewState): ReturnType<typeof restoreViewState> {
  const { raw, tooLarge } = decodeViewUrl(viewHref(BASE, state));
  expect(tooLarge).toBe(false);
  return restoreViewState(raw);
}

describe('view state', () => {
  it('round-trips every field through the URL', () => {
    fc.assert(
      fc.property(viewStateArbitrary, (state) => {
        const restored = throughUrl(state);
        expect(restored.notices).toEqual([]);
        expect(restored.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('round-trips every field through JSON (local storage, saved views)', () => {
    fc.assert(
      fc.property(viewStateArbitrary, (state) => {
        const restored = restoreViewText(JSON.stringify(state));
        expect(restored.notices).toEqual([]);
        expect(restored.state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('writes only what differs from the defaults, plus version, language and theme', () => {
    expect(encodeViewSearch(defaultViewState('zh-Hant'))).toBe('v=1&lang=zh-Hant&theme=dark');
    const state = defaultViewState();
    state.filters.categories = ['narcotics', 'tobacco'];
    state.filters.severityMin = 3;
    state.model.at = Date.UTC(2026, 10, 20, 4);
    state.selection = { kind: 'event', source: 'C&ED', id: 'A:1,2' };
    expect(encodeViewSearch(state)).toBe(
      'v=1&lang=en&theme=dark&at=2026-11-20T12:00:00%2B08:00&cat=narcotics,tobacco&sev=3-5&sel=event:C%26ED:A%3A1%2C2',
    );
  });

  it('turns any JSON into a valid view, never throwing, with a notice for what it replaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const restored = restoreViewState(raw);
        // The result is itself a valid view: restoring it again changes nothing and says nothing.
        const again = restoreViewState(JSON.parse(JSON.stringify(restored.state)));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(restored.state);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('replaces wrong types and ranges field by field, naming each', () => {
    const restored = restoreViewState({
      version: 1,
      camera: { lon: 'x', lat: 22, zoom: 9 },
      model: { windowDays: -3, resolution: 7.5, categoryWeights: { narcotics: 2, heroin: 3, tobacco: Infinity } },
      filters: { categories: ['narcotics', 'ghosts'], severityMin: 4, severityMax: 2, area: [[1, 2]], sources: ['GD\u200b', 'HKCED'] },
      layers: { hotspots: 'yes', links: false },
      selection: { kind: 'hotspot', cell: '<script>' },
      drawer: 'attic',
      locale: 'fr',
      theme: null,
      mode: 'kiosk',
    });
    const fields = restored.notices.map((notice) => notice.field);
    expect(fields).toEqual([
      'camera',
      'model.windowDays',
      'model.resolution',
      'model.categoryWeights.heroin',
      'model.categoryWeights.tobacco',
      'filters.severityMin',
      'filters.categories',
      'filters.sources',
      'filters.area',
      'layers.hotspots',
      'selection',
      'drawer',
      'locale',
      'theme',
      'mode',
    ]);
    const defaults = defaultViewState();
    expect(restored.state.model.windowDays).toBe(30);
    expect(restored.state.model.categoryWeights.narcotics).toBe(2);
    expect(restored.state.filters.categories).toEqual(['narcotics']);
    expect(restored.state.filters.sources).toEqual(['HKCED']);
    expect(restored.state.layers).toEqual({ ...defaults.layers, links: false });
    expect(restored.state.selection).toBeNull();
  });

  it('says so for null, non-JSON, oversized and non-object stored values', () => {
    expect(restoreViewText(null).notices).toEqual([]);
    expect(restoreViewText('null').notices).toEqual([{ field: 'view', problem: 'unreadable' }]);
    expect(restoreViewText('{').notices).toEqual([{ field: 'view', problem: 'unreadable' }]);
    expect(restoreViewText('[1,2]').notices).toEqual([{ field: 'view', problem: 'unreadable' }]);
    expect(restoreViewText(`"${'x'.repeat(MAX_VIEW_TEXT)}"`).notices).toEqual([{ field: 'view', problem: 'too-large' }]);
    expect(restoreViewText('null').state).toEqual(defaultViewState());
  });

  it('opens a link from a newer version with the defaults and says so', () => {
    const restored = restoreViewState(decodeViewUrl(`${BASE}?v=${VIEW_STATE_VERSION + 1}&lang=zh-Hans&cat=x`).raw);
    expect(restored.fromNewerVersion).toBe(true);
    expect(restored.notices).toEqual([{ field: 'view', problem: 'newer-version' }]);
    expect(restored.state).toEqual(defaultViewState());
  });

  it('reads the links earlier builds wrote (version 0) through the migration', () => {
    const restored = restoreViewState(decodeViewUrl(`${BASE}?lang=zh-Hant&theme=light#view=9.5/22.3/113.9`).raw);
    expect(restored.notices).toEqual([]);
    expect(restored.state.locale).toBe('zh-Hant');
    expect(restored.state.theme).toBe('light');
    expect(restored.state.camera).toEqual({ zoom: 9.5, lat: 22.3, lon: 113.9 });
    expect(decodeViewUrl(BASE).raw).toBeNull();
    expect(decodeViewUrl(`${BASE}?utm=x`).raw).toBeNull();
  });

  it('reads a hand-written link without a version as the current version', () => {
    const restored = restoreViewState(decodeViewUrl(`${BASE}?mode=wall&panel=data&cat=tobacco`).raw);
    expect(restored.notices).toEqual([]);
    expect(restored.state.mode).toBe('wall');
    expect(restored.state.drawer).toBe('data');
    expect(restored.state.filters.categories).toEqual(['tobacco']);
    expect(decodeViewUrl(`${BASE}?feed=https%3A%2F%2Fexample.org%2Fa.csv`).raw).toBeNull();
  });

  it('numbers its migrations one step at a time up to the current version', () => {
    expect(() => checkMigrationSequence()).not.toThrow();
    expect(() => checkMigrationSequence([...VIEW_STATE_MIGRATIONS, { ...VIEW_STATE_MIGRATIONS[0], from: 1 }])).toThrow(/reach version 2/);
    expect(() => checkMigrationSequence([{ ...VIEW_STATE_MIGRATIONS[0], from: 3 }])).toThrow(/starts from version 3/);
  });

  it('survives hostile URLs: malformed escapes, huge queries, repeated and odd parameters', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('v', 'lang', 'c', 'at', 'cat', 'src', 'sev', 'area', 'sel', 'cw', 'layers', 'panel', 'x'), fc.string()), { maxLength: 12 }), (pairs) => {
        const query = pairs.map(([key, value]) => `${key}=${value}`).join('&');
        const decoded = decodeViewUrl(`${BASE}?${query}`);
        const restored = restoreViewState(decoded.raw ?? { version: 1 });
        expect(restoreViewState(restored.state).notices).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    expect(decodeViewUrl(`${BASE}?v=1&cat=%E0%A4%A&sel=event:%ZZ:1`).raw).not.toBeNull();
    expect(decodeViewUrl(`${BASE}?v=1&area=${'1,2;'.repeat(20_000)}`).tooLarge).toBe(true);
  });

  it('maps a view to the engine parameters and filters', () => {
    const state = defaultViewState();
    expect(riskFiltersOf(state.filters)).toEqual({});
    state.filters.modes = ['sea', 'none'];
    state.filters.severityMax = 4;
    expect(riskFiltersOf(state.filters)).toEqual({ modes: ['sea', null], severityMax: 4 });
    expect(riskParamsOf(state.model, 5).windowMs).toBe(30 * 86_400_000);
  });
});

describe('notice groups', () => {
  it('names the parts of the view that were reset, once each', async () => {
    const { noticeGroups } = await import('./noticeGroups.ts');
    expect(
      noticeGroups([
        { field: 'filters.area', problem: 'invalid' },
        { field: 'model.windowDays', problem: 'invalid' },
        { field: 'filters.sources', problem: 'invalid' },
        { field: 'theme', problem: 'invalid' },
        { field: 'view', problem: 'unreadable' },
      ]),
    ).toEqual(['model', 'filters', 'display']);
  });
});
