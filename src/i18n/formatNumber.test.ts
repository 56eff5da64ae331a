import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberFormat } from './formatNumber.ts';
import { LOCALES } from './locales.ts';

/** The option sets the board formats with. */
const OPTIONS: (Intl.NumberFormatOptions | undefined)[] = [
  undefined,
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 1 },
  { maximumFractionDigits: 2 },
  { maximumSignificantDigits: 3 },
  { style: 'percent', maximumFractionDigits: 1 },
  { notation: 'compact', maximumSignificantDigits: 3, style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' },
];

describe('formatNumber', () => {
  it('formats exactly as toLocaleString, for any number, locale and option set', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: 0, max: 1 })),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...OPTIONS),
        (value, locale, options) => {
          expect(formatNumber(value, locale, options)).toBe(value.toLocaleString(locale, options));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps one formatter per locale and options, options compared by value', () => {
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en', { maximumFractionDigits: 1 }));
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 2 }));
    expect(numberFormat('en')).not.toBe(numberFormat('zh-Hant'));
  });
});
