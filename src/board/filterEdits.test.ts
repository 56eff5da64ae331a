import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreViewState } from '../view/restoreViewState.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { defaultViewFilters, defaultViewState, type ViewFilters } from '../view/ViewState.ts';
import {
  activeDimensions,
  allOptions,
  clearDimension,
  FILTER_DIMENSIONS,
  isDimensionActive,
  isOptionOn,
  noOptions,
  onlyOption,
  optionsOf,
  setMinCredibility,
  setOption,
  setSeverityMax,
  setSeverityMin,
  type ListDimension,
} from './filterEdits.ts';

const LIST_DIMENSIONS: ListDimension[] = ['categories', 'kinds', 'modes', 'sources', 'reliability'];

/** Source agencies a loaded data set may have. */
const loadedSources = fc.uniqueArray(fc.constantFrom('HK-C&ED', 'MO-SA', 'GZ-CUS', 'SZ-CUS', 'ZH-CUS', 'GB-CUS', '海关'), { maxLength: 7 });

/** Reference: the values a filter admits, over every value anyone names (options and list alike). */
function admitted(filters: ViewFilters, dimension: ListDimension, universe: readonly string[]): Set<string> {
  const list = filters[dimension] as readonly string[] | null;
  return new Set(list === null ? universe : list);
}

/** The filters come back unchanged and without notices through restoreViewState (links and storage read them so). */
function survivesRestore(filters: ViewFilters): void {
  const restored = restoreViewState({ ...defaultViewState(), filters });
  expect(restored.notices).toEqual([]);
  expect(restored.state.filters).toEqual(filters);
}

const editCase = fc.record({
  view: viewStateArbitrary,
  sources: loadedSources,
  dimension: fc.constantFrom(...LIST_DIMENSIONS),
  pick: fc.nat(),
  on: fc.boolean(),
});

describe('filter edits', () => {
  it('ticks or unticks exactly one option: every other value stays as it was (against a plain set model)', () => {
    fc.assert(
      fc.property(editCase, ({ view, sources, dimension, pick, on }) => {
        const filters = view.filters;
        const list = (filters[dimension] as readonly string[] | null) ?? [];
        const options = optionsOf(dimension, sources);
        const universe = [...new Set([...options, ...list])];
        if (universe.length === 0) return;
        const option = universe[pick % universe.length];
        const next = setOption(filters, dimension, option, on, sources);
        const before = admitted(filters, dimension, options);
        const after = admitted(next, dimension, options);
        expect(after.has(option)).toBe(on);
        for (const value of universe) if (value !== option) expect(after.has(value), value).toBe(before.has(value));
        expect(isOptionOn(next, dimension, option)).toBe(on);
        // An edit that changes nothing returns the filters themselves; one that admits every option
        // of the data and nothing else reads as "no constraint".
        if (before.has(option) === on) expect(next).toBe(filters);
        else {
          const all = options.length > 0 && options.every((value) => after.has(value)) && [...after].every((value) => options.includes(value));
          expect(next[dimension] === null).toBe(all);
        }
        // Other dimensions are untouched.
        for (const other of FILTER_DIMENSIONS) if (other !== dimension) expect(isDimensionActive(next, other)).toBe(isDimensionActive(filters, other));
        survivesRestore(next);
      }),
      { numRuns: 400 },
    );
  });

  it('toggling an option off and on again admits what it admitted before', () => {
    fc.assert(
      fc.property(editCase, ({ view, sources, dimension, pick }) => {
        const options = optionsOf(dimension, sources);
        if (options.length === 0) return;
        const option = options[pick % options.length];
        const start = view.filters;
        const was = isOptionOn(start, dimension, option);
        const back = setOption(setOption(start, dimension, option, !was, sources), dimension, option, was, sources);
        expect(admitted(back, dimension, options)).toEqual(admitted(start, dimension, options));
      }),
      { numRuns: 300 },
    );
  });

  it('unticking one category of open filters lists the other ten in code order, and ticking it again opens them', () => {
    const off = setOption(defaultViewFilters(), 'categories', 'tobacco', false);
    expect(off.categories).toEqual(optionsOf('categories').filter((key) => key !== 'tobacco'));
    expect(setOption(off, 'categories', 'tobacco', true).categories).toBeNull();
  });

  it('keeps modes in the stored order (no mode last) and sources sorted', () => {
    const modes = setOption(onlyOption(defaultViewFilters(), 'modes', 'none'), 'modes', 'sea', true);
    expect(modes.modes).toEqual(['sea', 'none']);
    const sources = ['ZH-CUS', 'HK-C&ED', 'MO-SA'];
    const picked = setOption(onlyOption(defaultViewFilters(), 'sources', 'ZH-CUS', sources), 'sources', 'HK-C&ED', true, sources);
    expect(picked.sources).toEqual(['HK-C&ED', 'ZH-CUS']);
    expect(setOption(picked, 'sources', 'MO-SA', true, sources).sources).toBeNull();
  });

  it('keeps a source a link named that this data lacks, and never invents one', () => {
    const linked: ViewFilters = { ...defaultViewFilters(), sources: ['XX-GONE'] };
    expect(setOption(linked, 'sources', 'HK-C&ED', true, ['HK-C&ED', 'MO-SA']).sources).toEqual(['HK-C&ED', 'XX-GONE']);
    expect(setOption(linked, 'sources', 'XX-GONE', false, ['HK-C&ED']).sources).toEqual([]);
    const open = defaultViewFilters();
    expect(setOption(open, 'sources', 'NOT-LOADED', false, ['HK-C&ED'])).toBe(open);
    expect(setOption(open, 'categories', 'ghosts', false)).toBe(open);
    expect(onlyOption(open, 'kinds', 'ghosts')).toBe(open);
  });

  it('selects one, all or none', () => {
    const open = defaultViewFilters();
    expect(onlyOption(open, 'reliability', 'B').reliability).toEqual(['B']);
    expect(allOptions(onlyOption(open, 'kinds', 'clue'), 'kinds').kinds).toBeNull();
    expect(noOptions(open, 'categories').categories).toEqual([]);
    for (const dimension of LIST_DIMENSIONS) survivesRestore(noOptions(open, dimension));
  });

  it('holds the severity range whole, inside 1–5 and in order, whatever is asked', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -3, max: 9 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2.5));
    fc.assert(
      fc.property(viewStateArbitrary, value, fc.boolean(), (view, asked, lowEnd) => {
        const next = lowEnd ? setSeverityMin(view.filters, asked) : setSeverityMax(view.filters, asked);
        expect(Number.isInteger(next.severityMin) && Number.isInteger(next.severityMax)).toBe(true);
        expect(1 <= next.severityMin && next.severityMin <= next.severityMax && next.severityMax <= 5).toBe(true);
        const set = lowEnd ? next.severityMin : next.severityMax;
        if (Number.isFinite(asked)) expect(set).toBe(Math.min(5, Math.max(1, Math.round(asked))));
        survivesRestore(next);
      }),
      { numRuns: 300 },
    );
    const filters = setSeverityMax(setSeverityMin(defaultViewFilters(), 2), 4);
    expect([filters.severityMin, filters.severityMax]).toEqual([2, 4]);
    expect([setSeverityMin(filters, 5).severityMin, setSeverityMin(filters, 5).severityMax]).toEqual([5, 5]);
    expect([setSeverityMax(filters, 1).severityMin, setSeverityMax(filters, 1).severityMax]).toEqual([1, 1]);
  });

  it('takes credibility digits 1–6 only', () => {
    const open = defaultViewFilters();
    expect(setMinCredibility(open, 3).minCredibility).toBe(3);
    for (const bad of [0, 7, 2.5, Number.NaN]) expect(setMinCredibility(open, bad)).toBe(open);
  });

  it('clears one dimension and leaves the others', () => {
    fc.assert(
      fc.property(viewStateArbitrary, fc.constantFrom(...FILTER_DIMENSIONS), (view, dimension) => {
        const next = clearDimension(view.filters, dimension);
        expect(isDimensionActive(next, dimension)).toBe(false);
        expect(activeDimensions(next)).toEqual(activeDimensions(view.filters).filter((other) => other !== dimension));
        for (const other of FILTER_DIMENSIONS) {
          if (other === dimension) continue;
          const pick = (filters: ViewFilters) =>
            other === 'severity' ? [filters.severityMin, filters.severityMax] : other === 'credibility' ? filters.minCredibility : filters[other];
          expect(pick(next)).toEqual(pick(view.filters));
        }
      }),
      { numRuns: 300 },
    );
    expect(activeDimensions(defaultViewFilters())).toEqual([]);
  });
});
