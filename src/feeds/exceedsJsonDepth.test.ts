import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceedsJsonDepth.ts';

/** Reference: the nesting depth of a JSON value, by plain recursion (fine for the small test values). */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

describe('exceedsJsonDepth', () => {
  it('agrees with a recursive depth on random values and limits', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => {
        expect(exceedsJsonDepth(value, limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('counts the value itself as level 1', () => {
    expect(exceedsJsonDepth(5, 0)).toBe(false);
    expect(exceedsJsonDepth([], 0)).toBe(true);
    expect(exceedsJsonDepth([], 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [{}] }, 2)).toBe(true);
    expect(exceedsJsonDepth({ a: [{}] }, 3)).toBe(false);
  });

  it('walks 1,000,000 levels without recursion', () => {
    const depth = 1_000_000;
    const deep: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(exceedsJsonDepth(deep, depth)).toBe(false);
    expect(exceedsJsonDepth(deep, depth - 1)).toBe(true);
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
  }, 30_000);
});
