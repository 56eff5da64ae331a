import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewJson } from './previewJson.ts';

describe('previewJson', () => {
  it('is a prefix of JSON.stringify for any JSON value and budget', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat({ max: 400 }), (value, budget) => {
        expect(previewJson(value, budget)).toBe((JSON.stringify(value) ?? '').slice(0, budget));
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('writes the whole value when the budget allows, strings with lone surrogates and odd keys included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary' }), (value, key) => {
        const object = { [key]: value, '\u0000"': [value, '\ud800'] };
        const json = JSON.stringify(object);
        expect(previewJson(object, Number.MAX_SAFE_INTEGER)).toBe(json);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('leaves out what JSON leaves out', () => {
    const value = { a: undefined, b: [undefined, () => 1, Number.NaN, -0], c: Infinity };
    expect(previewJson(value, 1000)).toBe(JSON.stringify(value));
    expect(previewJson(undefined, 10)).toBe('undefined');
  });

  it('handles nesting far beyond the call stack, in little time', () => {
    const depth = 200_000;
    const deep: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(previewJson(deep, 50)).toBe('['.repeat(50));
    const wide = JSON.parse(`[${'1,'.repeat(500_000)}1]`);
    expect(previewJson(wide, 9)).toBe('[1,1,1,1,');
  }, 30_000);
});
