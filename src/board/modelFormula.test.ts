import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { defaultViewModel } from '../view/ViewState.ts';
import { formatDuration, modelFormula } from './modelFormula.ts';

describe('modelFormula', () => {
  it('writes the default weights in', () => {
    expect(modelFormula(defaultViewModel(), 'en')).toEqual({
      formula: 'w = category weight × severity/5 × reliability × credibility × 2^(−age / 7 d)',
      window: 'An event counts when T − 30 d ≤ t ≤ T.',
      categories: 'Category weight: 1 for every category',
      reliability: 'Reliability: A 1 · B 0.8 · C 0.6 · D 0.4 · E 0.2 · F 0.5',
      credibility: 'Credibility: 1: 1 · 2: 0.8 · 3: 0.6 · 4: 0.4 · 5: 0.2 · 6: 0.5',
    });
  });

  it('names only the categories that differ from the common weight', () => {
    const model = { ...defaultViewModel(), halfLifeDays: 0.5, windowDays: 14 };
    model.categoryWeights = { ...model.categoryWeights, narcotics: 2, tobacco: 0.25 };
    const formula = modelFormula(model, 'en');
    expect(formula.categories).toBe('Category weight: Narcotics 2 · Tobacco 0.25; 1 for the others');
    expect(formula.formula).toContain('2^(−age / 12 h)');
    expect(formula.window).toBe('An event counts when T − 14 d ≤ t ≤ T.');
    expect(modelFormula(model, 'zh-Hant').categories).toBe('類別權重：毒品 2 · 香煙 0.25；其餘為 1');
  });

  it('writes durations in days when whole, else hours', () => {
    expect(formatDuration(30, 'en')).toBe('30 d');
    expect(formatDuration(1 / 24, 'zh-Hans')).toBe('1 小时');
    expect(formatDuration(7.25, 'en')).toBe('174 h');
    expect(formatDuration(3650, 'en')).toBe('3,650 d');
  });

  it('leaves no placeholder in any language for any model', () => {
    fc.assert(
      fc.property(viewStateArbitrary, fc.constantFrom(...LOCALES), ({ model }, locale) => {
        for (const line of Object.values(modelFormula(model, locale))) expect(line).not.toMatch(/[{}]/);
      }),
      { numRuns: 100 },
    );
  });
});
