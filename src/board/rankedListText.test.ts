import { describe, expect, it } from 'vitest';
import { topShare, trendDirection } from './rankedListText.ts';
import { trendOf } from '../risk/trendOf.ts';

describe('ranked list text', () => {
  it('reads a trend as an arrow', () => {
    expect(trendDirection(trendOf(3, 2))).toBe('up');
    expect(trendDirection(trendOf(1, 2))).toBe('down');
    expect(trendDirection(trendOf(2.1, 2))).toBe('flat');
    expect(trendDirection(trendOf(2, 0))).toBe('new');
    expect(trendDirection(trendOf(0, 0))).toBe('flat');
  });

  it('finds the largest share', () => {
    expect(topShare({ a: 0.2, b: 0.5, c: 0.3 })).toEqual({ key: 'b', share: 0.5 });
    expect(topShare({})).toBeNull();
  });
});
