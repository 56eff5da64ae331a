import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText.ts';

/** A monospace measure: every character is one unit wide, CJK two. */
const measure = (text: string): number => [...text].reduce((width, char) => width + (/[\u2E80-\u9FFF]/.test(char) ? 2 : 1), 0);

describe('wrapText', () => {
  it('breaks after spaces, beside CJK characters, and inside a word only when it must', () => {
    expect(wrapText('Filters: 3 of 11 categories · severity ≥ 3', 20, measure)).toEqual(['Filters: 3 of 11', 'categories ·', 'severity ≥ 3']);
    expect(wrapText('篩選：類別 3/11 · 嚴重程度 ≥ 3', 12, measure)).toEqual(['篩選：類別', '3/11 · 嚴重', '程度 ≥ 3']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });

  it('keeps every visible character in order and no line wider than allowed (unless one character is)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bb', ' ', '走', '私', '·', 'xyz ', '  '), { maxLength: 40 }).map((parts) => parts.join('')), fc.integer({ min: 1, max: 30 }), (text, width) => {
        const lines = wrapText(text, width, measure);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        for (const line of lines) {
          expect(line).toBe(line.trimEnd());
          if ([...line].length > 1) expect(measure(line)).toBeLessThanOrEqual(width);
        }
      }),
    );
  });
});
