import { describe, expect, it } from 'vitest';
import { breakdownBars, formatShare } from './breakdownBars.ts';

describe('breakdownBars', () => {
  it('keeps only non-zero shares, largest first, labelled, with percentages', () => {
    const bars = breakdownBars({ tobacco: 0.62, narcotics: 0, currency: 0.3, firearms: 0.08, other: 0.00005 }, (key) => key.toUpperCase(), 'en');
    expect(bars.map((bar) => [bar.label, bar.percent])).toEqual([
      ['TOBACCO', '62%'],
      ['CURRENCY', '30%'],
      ['FIREARMS', '8%'],
      ['OTHER', '<0.1%'],
    ]);
    expect(breakdownBars({}, String, 'en')).toEqual([]);
  });

  it('breaks ties by key and writes percentages the language way', () => {
    expect(breakdownBars({ b: 0.5, a: 0.5 }, String, 'en').map((bar) => bar.key)).toEqual(['a', 'b']);
    expect(formatShare(0.035, 'zh-Hant')).toBe('3.5%');
    expect(formatShare(1, 'en')).toBe('100%');
  });
});
