import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAdmiralty } from './parseAdmiralty.ts';
import { parseFeedNumber, parsePlainDecimalAt } from './parseFeedNumber.ts';

describe('parseFeedNumber', () => {
  it.each<[unknown, number]>([
    ['22.5', 22.5],
    [' -3 ', -3],
    ['+4', 4],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0', 0],
    ['0.25', 0.25],
    [113.5, 113.5],
  ])('%j -> %d', (value, expected) => {
    expect(parseFeedNumber(value)).toBe(expected);
  });

  it.each<unknown>(['', '  ', '1,234', '22,5', '0x1F', '0b1', '0o7', 'Infinity', '-Infinity', '12 m', 'NaN', Infinity, Number.NaN, null, undefined, true, [], {}])(
    'refuses %j',
    (value) => {
      expect(parseFeedNumber(value)).toBeNaN();
    },
  );
});

describe('parseAdmiralty', () => {
  it('reads every code A1–F6 in any case and spacing', () => {
    for (const letter of 'ABCDEF') {
      for (let digit = 1; digit <= 6; digit++) {
        expect(parseAdmiralty(`${letter}${digit}`)).toBe(`${letter}${digit}`);
        expect(parseAdmiralty(` ${letter.toLowerCase()} ${digit} `)).toBe(`${letter}${digit}`);
      }
    }
  });

  it.each(['', 'G1', 'A0', 'A7', 'B', '2', 'B22', 'BB2', '2B', 'B-2'])('refuses %j', (text) => {
    expect(parseAdmiralty(text)).toBeNull();
  });
});

describe('parseFeedNumber fast path', () => {
  it('equals Number() for plain decimals', () => {
    const samples = ['113.54889', '-22.21861', '0.1', '0.3', '123456789012345', '1234567890123456', '-0', '5.', '007', '0.000001', '99999.99999'];
    for (let k = 0; k < 2000; k++) samples.push((Math.random() * 1000 - 500).toFixed(k % 12));
    for (const text of samples) expect(Object.is(parseFeedNumber(text), Number(text))).toBe(true);
  });
});

describe('parsePlainDecimalAt', () => {
  it('reads a plain decimal in place as parseFeedNumber reads it cut out, or declines with NaN', () => {
    const numberText = fc.oneof(
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }).map((v) => v.toFixed(6)),
      fc.double({ noNaN: true }).map(String),
      fc.stringMatching(/^-?[0-9]{0,17}(\.[0-9]{0,8})?$/),
      fc.constantFrom('', '-', '.', '-.', '1e3', '+4', ' 5', '5 ', '1,5', '0x1F', 'Infinity'),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), numberText, fc.constantFrom('', ',', '7', '.5'), (before, text, after) => {
        const inPlace = parsePlainDecimalAt(before + text + after, before.length, before.length + text.length);
        if (!Number.isNaN(inPlace)) expect(Object.is(inPlace, parseFeedNumber(text))).toBe(true);
        else if (/^-?[0-9]*\.?[0-9]*$/.test(text) && /[0-9]/.test(text) && text.replace(/[-.]/g, '').length <= 15) {
          throw new Error(`declined the plain decimal ${text}`);
        }
      }),
      { numRuns: 20_000 },
    );
  });
});
