import { describe, expect, it } from 'vitest';
import { logFactorial, logPoissonUpperTail, poissonUpperTail } from './poissonTail.ts';

/** P(X ≥ k) by plain summation of the lower terms, fine for small λ and k. */
function naiveTail(k: number, lambda: number): number {
  let lower = 0;
  let term = Math.exp(-lambda);
  for (let j = 0; j < k; j++) {
    lower += term;
    term *= lambda / (j + 1);
  }
  return 1 - lower;
}

describe('poissonUpperTail', () => {
  it('matches plain summation where that is accurate', () => {
    for (const lambda of [0.05, 0.5, 1.5, 4, 12.3]) {
      for (let k = 0; k <= 12; k++) {
        expect(poissonUpperTail(k, lambda)).toBeCloseTo(naiveTail(k, lambda), 12);
      }
    }
  });

  it('gives hand-computed values', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(poissonUpperTail(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * 1.625, 15);
    expect(poissonUpperTail(2, 0)).toBe(0);
  });

  it('stays finite in log space far below the smallest double', () => {
    const log = logPoissonUpperTail(1000, 1);
    // The first term dominates: ln(e^-1 / 1000!) ≈ -1 - 5912.128.
    expect(log).toBeCloseTo(-1 - logFactorial(1000) + Math.log(1 + 1 / 1001 + 1 / (1001 * 1002)), 8);
    expect(poissonUpperTail(1000, 1)).toBe(0);
    expect(logPoissonUpperTail(1001, 1)).toBeLessThan(log);
  });

  it('is accurate around a large mean', () => {
    // Normal approximation with continuity correction is within ~1e-3 at λ = 10 000.
    const lambda = 10_000;
    expect(poissonUpperTail(10_000, lambda)).toBeCloseTo(0.5 + 0.5 * 0.004, 2);
    expect(poissonUpperTail(10_400, lambda)).toBeCloseTo(3.1e-5, 5);
    expect(poissonUpperTail(9_600, lambda)).toBeCloseTo(1 - 3.4e-5, 4);
  });

  it('uses exact log factorials', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14);
    let sum = 0;
    for (let i = 2; i <= 300; i++) sum += Math.log(i);
    expect(logFactorial(300)).toBeCloseTo(sum, 9);
  });
});
