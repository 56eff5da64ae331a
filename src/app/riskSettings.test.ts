import { describe, expect, it } from 'vitest';
import { defaultRiskSettings, toRiskFilters, toRiskParams } from './riskSettings.ts';

describe('risk settings', () => {
  it('filter nothing by default and map days to milliseconds', () => {
    const settings = defaultRiskSettings();
    expect(toRiskFilters(settings)).toEqual({});
    const params = toRiskParams(settings, 1_000);
    expect(params.windowMs).toBe(30 * 86_400_000);
    expect(params.halfLifeMs).toBe(7 * 86_400_000);
    expect(params.resolution).toBe(7);
  });

  it('turn narrowed choices into engine filters', () => {
    const settings = {
      ...defaultRiskSettings(),
      categories: ['tobacco' as const],
      kinds: ['clue' as const],
      modes: [null],
      sources: ['HKCED'],
      reliabilityLetters: ['A' as const, 'B' as const],
      minCredibility: 2 as const,
      severityMin: 3,
      area: [
        [113.9, 22.4],
        [114.2, 22.4],
        [114.2, 22.6],
      ] as [number, number][],
    };
    expect(toRiskFilters(settings)).toEqual({
      categories: ['tobacco'],
      kinds: ['clue'],
      modes: [null],
      sources: ['HKCED'],
      reliability: ['A', 'B'],
      minCredibility: 2,
      severityMin: 3,
      area: settings.area,
    });
  });
});
