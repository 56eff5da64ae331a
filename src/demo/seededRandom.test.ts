import { describe, expect, it } from 'vitest';
import { SeededRandom, seededRandom } from './seededRandom.ts';

function draws(random: SeededRandom, n: number): number[] {
  return Array.from({ length: n }, () => random.nextUint32());
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

// Generous timeout: these tests take hundreds of thousands of draws, and shared machines run many suites at once.
describe('SeededRandom', { timeout: 30_000 }, () => {
  it('repeats its sequence for the same seed and differs across seeds', () => {
    expect(draws(seededRandom(42), 100)).toEqual(draws(seededRandom(42), 100));
    expect(draws(seededRandom(42), 100)).not.toEqual(draws(seededRandom(43), 100));
    // Seeds that agree in their low 32 bits are still distinct.
    expect(draws(seededRandom(2 ** 32), 10)).not.toEqual(draws(seededRandom(0), 10));
  });

  it('rejects non-finite seeds', () => {
    expect(() => seededRandom(Number.NaN)).toThrow(RangeError);
  });

  it('keeps next() in [0, 1) with a flat distribution', () => {
    const random = seededRandom(1);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = random.next();
      if (!(value >= 0 && value < 1)) outside++;
      else buckets[Math.floor(value * 10)]++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(count).toBeGreaterThan(9_400);
  });

  it('draws int() inclusive of both bounds and uniform() within its range', () => {
    const random = seededRandom(2);
    const seen = new Set<number>();
    let realOutside = 0;
    for (let i = 0; i < 2_000; i++) {
      seen.add(random.int(3, 6));
      const real = random.uniform(-2, 5);
      if (!(real >= -2 && real < 5)) realOutside++;
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(realOutside).toBe(0);
  });

  it('picks by weight and never picks a zero weight', () => {
    const random = seededRandom(3);
    const cumulative = SeededRandom.cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[random.pickIndex(cumulative)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeCloseTo(3, 0);
    expect(random.pickWeighted(['a', 'b', 'c'], SeededRandom.cumulative([0, 0, 1]))).toBe('c');
    expect(() => SeededRandom.cumulative([1, -1])).toThrow(RangeError);
  });

  it('draws normal, log-normal, exponential and poisson deviates with the right moments', () => {
    const random = seededRandom(4);
    const normals = Array.from({ length: 50_000 }, () => random.normal(10, 2));
    const normalMean = mean(normals);
    const variance = mean(normals.map((value) => (value - normalMean) ** 2));
    expect(normalMean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);

    const logNormals = Array.from({ length: 20_001 }, () => random.logNormal(100, 1)).sort((a, b) => a - b);
    expect(logNormals[10_000]).toBeGreaterThan(90);
    expect(logNormals[10_000]).toBeLessThan(110);

    expect(mean(Array.from({ length: 50_000 }, () => random.exponential(5)))).toBeCloseTo(5, 0);
    const poissons = Array.from({ length: 50_000 }, () => random.poisson(3.5));
    expect(poissons.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    expect(mean(poissons)).toBeCloseTo(3.5, 1);
    expect(random.poisson(0)).toBe(0);
    expect(mean(Array.from({ length: 5_000 }, () => random.poisson(80)))).toBeCloseTo(80, -1);
  });

  it('picks uniformly from an array and honours chance()', () => {
    const random = seededRandom(5);
    const items = ['x', 'y', 'z'];
    const picked = new Map<string, number>();
    let hits = 0;
    for (let i = 0; i < 12_000; i++) {
      const item = random.pick(items);
      picked.set(item, (picked.get(item) ?? 0) + 1);
      if (random.chance(0.25)) hits++;
    }
    expect([...picked.keys()].sort()).toEqual(items);
    for (const count of picked.values()) expect(count).toBeGreaterThan(3_600);
    expect(hits / 12_000).toBeCloseTo(0.25, 1);
  });
});
