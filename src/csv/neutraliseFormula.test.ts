import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS, FORMULA_STARTERS, referenceFormulaLike, SAFE_TEXT } from './csvTestSupport.ts';
import { isFormulaLike, neutraliseFormula } from './neutraliseFormula.ts';

describe('isFormulaLike / neutraliseFormula', () => {
  it.each(FORMULA_PAYLOADS)('neutralises %j with a leading quote', (payload) => {
    expect(isFormulaLike(payload)).toBe(true);
    expect(neutraliseFormula(payload)).toBe(`'${payload}`);
  });

  it.each(SAFE_TEXT)('leaves %j unchanged', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('agrees with the reference rule on random text rich in triggers, blanks and invisible characters', () => {
    const unit = fc.oneof(
      fc.constantFrom(...FORMULA_STARTERS, '\t', '\r', '\n', ' ', '\u00a0', '\u200b', '\u202e', '\ufeff', '\u0085', '"', ',', "'", '−'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (units) => {
        const text = units.join('');
        expect(isFormulaLike(text)).toBe(referenceFormulaLike(text));
        expect(neutraliseFormula(text)).toBe(referenceFormulaLike(text) ? `'${text}` : text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('knows every formula starter there is: no other code point folds to = + - @', () => {
    const found: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (isFormulaLike(char) && char !== '\t' && char !== '\r') found.push(char);
    }
    expect(found).toEqual(FORMULA_STARTERS.slice().sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
  });
});
