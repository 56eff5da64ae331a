import { describe, expect, it } from 'vitest';
import { pointInRing, PolygonSet } from './PolygonSet.ts';
import type { Ring } from './Ring.ts';

const square: Ring = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const hole: Ring = [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]];

describe('PolygonSet', () => {
  it('tests points against outers and holes', () => {
    const set = new PolygonSet([[square, hole], [[[10, 10], [11, 10], [11, 11], [10, 10]]]]);
    expect(set.contains(0.5, 0.5)).toBe(true);
    expect(set.contains(2, 2)).toBe(false);
    expect(set.contains(10.9, 10.1)).toBe(true);
    expect(set.contains(5, 5)).toBe(false);
  });

  it('does not care about winding', () => {
    expect(pointInRing([...square].reverse(), 2, 2)).toBe(true);
  });
});
