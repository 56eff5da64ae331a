import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackedText, packText, unpackText, type PackedText } from './packText.ts';

/** A packing that splits row by row (what packText may do), to test unpackText's general path. */
function splitByRow(values: readonly string[]): PackedText {
  const isAscii = (value: string) => !/[\u0080-\uffff]/.test(value);
  const wideRows = Uint8Array.from(values, (value) => (isAscii(value) ? 0 : 1));
  return {
    ascii: new TextEncoder().encode(values.filter(isAscii).join('')),
    wide: values.filter((value) => !isAscii(value)).join(''),
    lengths: Uint32Array.from(values, (value) => value.length),
    wideRows,
  };
}

describe('packText (split by row)', () => {
  it('packs and unpacks any strings, including empty ones, astral characters and lone surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' }))), (values) => {
        expect(unpackText(packText(values))).toEqual(values);
        expect(unpackText(splitByRow(values))).toEqual(values);
      }),
    );
  });

  it('stores ASCII rows as one byte per character, lengths in the narrowest array', () => {
    const ascii = packText(['HKCED-2025-000001', 'MOCS-1', '']);
    expect(ascii.ascii.length).toBe(23);
    expect(ascii.wide).toBe('');
    expect(ascii.wideRows).toBeNull();
    expect(ascii.lengths).toBeInstanceOf(Uint8Array);
    expect(packText(['x'.repeat(300)]).lengths).toBeInstanceOf(Uint16Array);
    expect(packText(['x'.repeat(70_000)]).lengths).toBeInstanceOf(Uint32Array);
    const mixed = packText(['abc', '關閘', '\ud800']);
    expect(unpackText(mixed)).toEqual(['abc', '關閘', '\ud800']);
  });

  it('refuses parts that do not add up', () => {
    const good = splitByRow(['ab', '關', 'c']);
    expect(unpackText(good)).toEqual(['ab', '關', 'c']);
    expect(() => unpackText({ ...good, lengths: Uint8Array.of(2, 1) })).toThrow(/row flags/);
    expect(() => unpackText({ ...good, lengths: Uint8Array.of(1, 1, 1) })).toThrow(/lengths do not match/);
    expect(() => unpackText({ ...good, wide: '關閘' })).toThrow(/lengths do not match/);
    expect(() => unpackText({ ...good, ascii: Uint8Array.of(0x61, 0xc3, 0xa9) })).toThrow(/Corrupt|encoded/);
    expect(() => unpackText({ ...good, ascii: Uint8Array.of(0x61, 0xff, 0x63) })).toThrow();
    expect(() => checkPackedText(good, 2)).toThrow(/row count/);
    expect(() => checkPackedText({ ...good, wide: '' }, 3)).toThrow(/lengths do not match/);
    expect(() => checkPackedText(good, 3)).not.toThrow();
  });
});
