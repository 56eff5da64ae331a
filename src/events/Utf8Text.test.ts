import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUtf8Text, decodeUtf8Text, encodeUtf8, rowLengths, type Utf8Text } from './Utf8Text.ts';

/** A column as StoredTextColumn encodes it: the rows joined, as UTF-8, plus their lengths. */
function encodeUtf8Text(values: readonly string[]): Utf8Text | null {
  const utf8 = encodeUtf8(values.join(''));
  return utf8 === null ? null : { utf8, lengths: rowLengths(values) };
}

describe('Utf8Text', () => {
  it('encodes and decodes any well-formed strings, row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' }))), (values) => {
        const text = encodeUtf8Text(values)!;
        expect(() => checkUtf8Text(text, values.length)).not.toThrow();
        expect(decodeUtf8Text(structuredClone(text))).toEqual(values);
      }),
    );
  });

  it('takes one byte per ASCII character, keeps a leading U+FEFF, and sizes lengths to the longest row', () => {
    const ids = encodeUtf8Text(['HKCED-2025-000001', 'MOCS-1', ''])!;
    expect(ids.utf8.length).toBe(23);
    expect(ids.lengths).toBeInstanceOf(Uint8Array);
    expect(encodeUtf8Text(['x'.repeat(300)])!.lengths).toBeInstanceOf(Uint16Array);
    const bom = ['\ufeffstarts with a byte-order mark', '關閘 𠀀'];
    expect(decodeUtf8Text(encodeUtf8Text(bom)!)).toEqual(bom);
  });

  it('declines a column holding a lone surrogate, which UTF-8 cannot carry', () => {
    expect(encodeUtf8Text(['fine', 'broken \ud800 half'])).toBeNull();
    expect(encodeUtf8Text(['\udc00'])).toBeNull();
  });

  it('refuses bytes that are not UTF-8 and lengths that do not add up', () => {
    const good = encodeUtf8Text(['ab', '關', 'c'])!;
    expect(() => checkUtf8Text(good, 2)).toThrow(/row count/);
    expect(() => checkUtf8Text({ ...good, utf8: good.utf8.slice(0, 2) }, 3)).toThrow(/lengths do not match/);
    expect(() => checkUtf8Text({ ...good, lengths: Uint8Array.of(20, 1, 1) }, 3)).toThrow(/lengths do not match/);
    expect(() => decodeUtf8Text({ ...good, lengths: Uint8Array.of(2, 2, 1) })).toThrow(/lengths do not match/);
    expect(() => decodeUtf8Text({ ...good, utf8: Uint8Array.of(0x61, 0x62, 0xff, 0xfe, 0x63) })).toThrow(/not UTF-8/);
  });
});

describe('encodeUtf8', () => {
  it('writes what TextEncoder writes for any well-formed text', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'grapheme-composite' })), (text) => {
        expect(encodeUtf8(text)).toEqual(encoder.encode(text));
      }),
    );
    for (const text of ['', 'a', 'é', '關', '𠀀', 'a\u07ff\u0800\uffff\u{10ffff}z']) expect(encodeUtf8(text)).toEqual(encoder.encode(text));
  });

  it('returns null for any lone surrogate, leading or trailing, anywhere', () => {
    for (const text of ['\ud800', '\udc00', 'ab\ud800', '\ud800x', '關\udbff', '𠀀\udc00', 'a\ud800\ud800']) expect(encodeUtf8(text)).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = encodeUtf8(text);
        if (text.isWellFormed()) expect(bytes).toEqual(new TextEncoder().encode(text));
        else expect(bytes).toBeNull();
      }),
    );
  });
});
