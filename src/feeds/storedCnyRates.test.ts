import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CNY_RATES, resolveCnyRates } from './cnyRates.ts';
import { CNY_RATE_LIMITS, cnyRatesText, restoreCnyRates, setCnyRate, stepCnyRate } from './storedCnyRates.ts';

const rate = fc.double({ min: CNY_RATE_LIMITS[0], max: CNY_RATE_LIMITS[1], noNaN: true });

describe('stored CNY rates', () => {
  it('reads back what it stores, and the parser accepts it', () => {
    fc.assert(
      fc.property(rate, rate, (HKD, MOP) => {
        const rates = { CNY: 1, HKD, MOP };
        expect(restoreCnyRates(cnyRatesText(rates))).toEqual({ rates, notice: null });
        expect(resolveCnyRates(rates)).toEqual(rates);
      }),
    );
  });

  it('starts from the defaults, silently, when nothing is stored', () => {
    expect(restoreCnyRates(null)).toEqual({ rates: DEFAULT_CNY_RATES, notice: null });
  });

  it('falls back to the defaults as a whole, with a notice, for anything wrong', () => {
    const bad = [
      '',
      '{not json',
      'null',
      '[]',
      '0.9',
      '{"HKD":0.9,"MOP":0.8}',
      '{"version":"1","HKD":0.9,"MOP":0.8}',
      '{"version":1,"HKD":0.9}',
      '{"version":1,"HKD":0.9,"MOP":"0.8"}',
      '{"version":1,"HKD":0,"MOP":0.8}',
      '{"version":1,"HKD":-1,"MOP":0.8}',
      '{"version":1,"HKD":1e9,"MOP":0.8}',
      '{"version":1,"HKD":null,"MOP":0.8}',
      '{"version":0,"HKD":0.9,"MOP":0.8}',
    ];
    for (const text of bad) expect(restoreCnyRates(text), text).toEqual({ rates: DEFAULT_CNY_RATES, notice: 'invalid' });
    expect(restoreCnyRates('{"version":2,"HKD":0.9,"MOP":0.8,"EUR":7.8}')).toEqual({ rates: DEFAULT_CNY_RATES, notice: 'newer-version' });
    // A stored CNY rate is ignored: CNY is the unit.
    expect(restoreCnyRates('{"version":1,"CNY":3,"HKD":0.9,"MOP":0.8}').rates).toEqual({ CNY: 1, HKD: 0.9, MOP: 0.8 });
  });

  it('takes a typed rate, holds it inside its bounds, refuses what is no number', () => {
    const rates = { ...DEFAULT_CNY_RATES };
    expect(setCnyRate(rates, 'HKD', 0.9137)).toEqual({ rates: { ...rates, HKD: 0.9137 }, problem: null });
    expect(setCnyRate(rates, 'MOP', 0)).toEqual({ rates: { ...rates, MOP: CNY_RATE_LIMITS[0] }, problem: { kind: 'clamped', min: CNY_RATE_LIMITS[0], max: CNY_RATE_LIMITS[1] } });
    expect(setCnyRate(rates, 'MOP', 5000).rates.MOP).toBe(CNY_RATE_LIMITS[1]);
    expect(setCnyRate(rates, 'HKD', null)).toEqual({ rates, problem: { kind: 'invalid' } });
    expect(setCnyRate(rates, 'HKD', Number.NaN).rates).toBe(rates);
    expect(setCnyRate(rates, 'HKD', rates.HKD).rates).toBe(rates);
  });
});

describe('stepCnyRate', () => {
  it('moves a cent at a time onto the grid, never out of bounds', () => {
    const rates = { ...DEFAULT_CNY_RATES };
    expect(stepCnyRate(rates, 'HKD', 1).rates.HKD).toBe(0.93);
    expect(stepCnyRate({ ...rates, MOP: 0.29 }, 'MOP', 1).rates.MOP).toBe(0.3);
    expect(stepCnyRate({ ...rates, MOP: 0.8937 }, 'MOP', -1).rates.MOP).toBe(0.89);
    const bottom = stepCnyRate({ ...rates, HKD: 0.01 }, 'HKD', -1);
    expect(bottom.rates.HKD).toBe(CNY_RATE_LIMITS[0]);
    expect(bottom.problem?.kind).toBe('clamped');
    fc.assert(
      fc.property(rate, fc.constantFrom<1 | -1>(1, -1), (start, direction) => {
        const next = stepCnyRate({ ...rates, HKD: start }, 'HKD', direction).rates.HKD;
        expect(next >= CNY_RATE_LIMITS[0] && next <= CNY_RATE_LIMITS[1]).toBe(true);
        if (next !== CNY_RATE_LIMITS[0] && next !== CNY_RATE_LIMITS[1]) {
          expect(Math.sign(next - start)).toBe(direction);
          expect(Math.abs(next - start)).toBeLessThanOrEqual(0.01 + 1e-9);
        }
      }),
    );
  });
});
