import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { defaultViewFilters, type ViewFilters } from '../view/ViewState.ts';
import { activeDimensions, onlyOption, setOption, setSeverityMin } from './filterEdits.ts';
import { filterSummary } from './filterSummary.ts';

const open = defaultViewFilters();

describe('filterSummary', () => {
  it('says so when nothing is filtered', () => {
    expect(filterSummary(open, 'en')).toBe('All events (no filters)');
    expect(filterSummary(open, 'zh-Hant')).toBe('全部事件（無篩選）');
  });

  it('names each active dimension in panel order', () => {
    let filters: ViewFilters = { ...open, categories: ['narcotics', 'tobacco', 'currency'], area: [[113.5, 22.1], [113.6, 22.1], [113.6, 22.2]] };
    filters = setSeverityMin(filters, 3);
    expect(filterSummary(filters, 'en')).toBe('3 of 11 categories · severity ≥ 3 · area');
    expect(filterSummary(filters, 'zh-Hans')).toBe('类别 3/11 · 严重程度 ≥ 3 · 区域');
    const more: ViewFilters = { ...open, kinds: ['clue'], modes: ['sea', 'none'], severityMin: 2, severityMax: 4, reliability: ['A', 'B'], minCredibility: 3 };
    expect(filterSummary(more, 'en')).toBe('1 of 5 kinds · 2 of 11 modes · severity 2–4 · reliability A, B · credibility ≤ 3');
    expect(filterSummary({ ...open, severityMax: 2 }, 'en')).toBe('severity ≤ 2');
    expect(filterSummary({ ...open, severityMin: 4, severityMax: 4 }, 'en')).toBe('severity 4');
    expect(filterSummary({ ...open, reliability: [] }, 'en')).toBe('no reliability');
  });

  it('counts agencies against the loaded ones, and a linked one this data lacks too', () => {
    const sources = ['HK-C&ED', 'MO-SA', 'GZ-CUS', 'SZ-CUS'];
    expect(filterSummary(onlyOption(open, 'sources', 'MO-SA', sources), 'en', sources)).toBe('1 of 4 agencies');
    expect(filterSummary(setOption(open, 'sources', 'MO-SA', false, sources), 'en', sources)).toBe('3 of 4 agencies');
    expect(filterSummary({ ...open, sources: ['XX-GONE'] }, 'en', sources)).toBe('1 of 5 agencies');
  });

  it('has one part per active dimension in every language, never a placeholder left', () => {
    fc.assert(
      fc.property(viewStateArbitrary, fc.constantFrom(...LOCALES), (view, locale) => {
        const text = filterSummary(view.filters, locale, ['A', 'B']);
        expect(text).not.toMatch(/[{}]/);
        const parts = activeDimensions(view.filters).length;
        expect(text.split(' · ')).toHaveLength(Math.max(1, parts));
      }),
      { numRuns: 200 },
    );
  });
});
