import { describe, expect, it } from 'vitest';
import { assemblePolygons } from './assemblePolygons.ts';
import type { Ring } from './Ring.ts';

const big: Ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const islandInLake: Ring = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];
const lake: Ring = [[2, 2], [2, 8], [8, 8], [8, 2], [2, 2]];
const pond: Ring = [[4.5, 4.5], [4.5, 5], [5, 5], [5, 4.5], [4.5, 4.5]];

describe('assemblePolygons', () => {
  it('gives each hole to the smallest outer around it', () => {
    const out = assemblePolygons([big, lake, islandInLake, pond]);
    expect(out).toEqual([
      [big, lake],
      [islandInLake, pond],
    ]);
  });

  it('drops holes that fit no outer and rings without area', () => {
    const stray: Ring = [[20, 20], [20, 21], [21, 21], [20, 20]];
    const flat: Ring = [[0, 0], [1, 1], [2, 2], [0, 0]];
    expect(assemblePolygons([big, stray, flat])).toEqual([[big]]);
  });
});
