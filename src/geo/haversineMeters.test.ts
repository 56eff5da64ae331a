import { describe, expect, it } from 'vitest';
import { haversineMeters } from './haversineMeters.ts';

describe('haversineMeters', () => {
  it('measures a degree of latitude and is symmetric', () => {
    expect(haversineMeters(114, 22, 114, 23)).toBeCloseTo(111_195, -1);
    expect(haversineMeters(113.5, 22.2, 114.17, 22.3)).toBeCloseTo(haversineMeters(114.17, 22.3, 113.5, 22.2), 6);
    expect(haversineMeters(113.5, 22.2, 113.5, 22.2)).toBe(0);
  });

  it('shrinks longitude degrees with latitude', () => {
    expect(haversineMeters(114, 22.5, 115, 22.5)).toBeCloseTo(111_195 * Math.cos((22.5 * Math.PI) / 180), -2);
  });
});
