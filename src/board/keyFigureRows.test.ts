import { describe, expect, it } from 'vitest';
import { formatAge } from './formatAge.ts';
import { topSources } from './keyFigureRows.ts';

describe('key figure rows', () => {
  it('lists the busiest agencies first, skipping silent ones', () => {
    const figures = { events: 9, valueCny: 0, clues: 0, eventsBySource: Uint32Array.of(2, 0, 5, 2), valueBySource: Float64Array.of(1, 0, 3, 4) };
    expect(topSources(['MOCS', 'SA', 'HKCED', 'GACC'], figures, 2)).toEqual([
      { source: 'HKCED', events: 5, valueCny: 3 },
      { source: 'GACC', events: 2, valueCny: 4 },
    ]);
  });

  it('states ages in minutes, hours or days', () => {
    expect(formatAge(4 * 60_000 + 5_000, 'en')).toBe('4 min');
    expect(formatAge(3 * 3_600_000, 'en')).toBe('3 hr');
    expect(formatAge(3 * 86_400_000, 'en')).toBe('3 days');
    expect(formatAge(3 * 86_400_000, 'zh-Hant')).toContain('3');
  });
});
