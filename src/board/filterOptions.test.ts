import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { FacetCounts } from './BoardQuery.ts';
import { categoryOptions, credibilityOptions, kindOptions, modeOptions, reliabilityOptions, severityOptions, sourceOptions } from './filterOptions.ts';

/** Facets whose every slot holds a count that names it, so a misaligned slot shows. */
const facets: FacetCounts = {
  categories: Uint32Array.from(CATEGORY_KEYS, (_, i) => 100 + i),
  kinds: Uint32Array.from([200, 201, 202, 203, 204]),
  modes: Uint32Array.from({ length: TRANSPORT_MODES.length + 1 }, (_, i) => 300 + i),
  sources: Uint32Array.from([400, 401, 402]),
  severity: Uint32Array.from([501, 502, 503, 504, 505]),
  reliability: Uint32Array.from([600, 601, 602, 603, 604, 605]),
  credibility: Uint32Array.from([701, 702, 703, 704, 705, 706]),
};

describe('filter options', () => {
  it('take each count from the slot the worker counts the option in', () => {
    expect(categoryOptions(facets, 'en').map((o) => [o.value, o.count])).toEqual(CATEGORY_KEYS.map((key, i) => [key, 100 + i]));
    expect(kindOptions(facets, 'en').find((o) => o.value === 'intelligence')?.count).toBe(202);
    const modes = modeOptions(facets, 'en');
    expect(modes[0]).toEqual({ value: 'none', label: '(no mode)', count: 300 });
    expect(modes.find((o) => o.value === 'ferry')?.count).toBe(300 + TRANSPORT_MODES.indexOf('ferry') + 1);
    expect(severityOptions(facets, 'en').map((o) => [o.value, o.count])).toEqual([['1', 501], ['2', 502], ['3', 503], ['4', 504], ['5', 505]]);
    expect(reliabilityOptions(facets, 'en').map((o) => o.count)).toEqual([600, 601, 602, 603, 604, 605]);
    expect(credibilityOptions(facets, 'en').find((o) => o.value === '6')?.count).toBe(706);
  });

  it('sort agencies by name but keep the count of their place in the load order', () => {
    const options = sourceOptions(['ZH-CUS', 'HK-C&ED', 'MO-SA'], facets, 'en');
    expect(options.map((o) => [o.value, o.count])).toEqual([['HK-C&ED', 401], ['MO-SA', 402], ['ZH-CUS', 400]]);
    expect(sourceOptions(['B2', 'B10', 'a1'], null, 'en').map((o) => o.value)).toEqual(['a1', 'B2', 'B10']);
  });

  it('have no count while there is no answer, or where the answer has no slot', () => {
    expect(categoryOptions(null, 'en').every((o) => o.count === null)).toBe(true);
    expect(sourceOptions(['A', 'B', 'C', 'D'], facets, 'en').find((o) => o.value === 'D')?.count).toBeNull();
  });

  it('name options in the view’s language', () => {
    expect(categoryOptions(null, 'zh-Hant')[1].label).toBe('香煙');
    expect(kindOptions(null, 'zh-Hans')[0].label).toBe('查获');
    expect(modeOptions(null, 'zh-Hant')[0].label).toBe('（無方式）');
    expect(reliabilityOptions(null, 'en')[5].label).toBe('F · cannot be judged (and ungraded)');
  });
});
