import { describe, expect, it } from 'vitest';
import { channelMidline } from './channelMidline.ts';
import type { Ring } from './Ring.ts';

// Two islands 0.01° apart across a north–south strait between x = 0 and x = 0.01.
const east: Ring = [[0.01, -1], [1, -1], [1, 1], [0.01, 1], [0.01, 0.5], [0.01, -0.5], [0.01, -1]];
const west: Ring = [[-1, -1], [0, -1], [0, 1], [-1, 1], [-1, -1]];

describe('channelMidline', () => {
  it('follows the middle of the strait inside the window', () => {
    const line = channelMidline(east, [west], [-0.1, -0.45, 0.1, 0.55], 0.1, 1);
    expect(line.length).toBeGreaterThan(5);
    for (const [x, y] of line) {
      expect(x).toBeCloseTo(0.005, 6);
      expect(y).toBeGreaterThanOrEqual(-0.45);
      expect(y).toBeLessThanOrEqual(0.55);
    }
    const ys = line.map(([, y]) => y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
  });

  it('returns nothing when the far shore is out of reach', () => {
    expect(channelMidline(east, [[[5, 5], [6, 5], [6, 6], [5, 5]]], [-0.1, -0.45, 0.1, 0.55], 0.1, 1)).toEqual([]);
  });
});
