import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validUtf8Prefix } from './validUtf8Prefix.ts';

/** Reference: the longest prefix a fatal decoder accepts as complete text, found by trying every length. */
function reference(bytes: Uint8Array): number {
  for (let length = bytes.length; length > 0; length--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length));
      return length;
    } catch {
      // Shorter, then.
    }
  }
  return 0;
}

describe('validUtf8Prefix', () => {
  it('stops where a fatal TextDecoder stops, on random and on damaged text', () => {
    const damaged = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.uint8Array({ maxLength: 4 }), fc.nat())
      .map(([text, noise, at]) => {
        const bytes = new TextEncoder().encode(text);
        const cut = at % (bytes.length + 1);
        const out = new Uint8Array(bytes.length + noise.length);
        out.set(bytes.subarray(0, cut));
        out.set(noise, cut);
        out.set(bytes.subarray(cut), cut + noise.length);
        return out;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 16 }), damaged), (bytes) => {
        expect(validUtf8Prefix(bytes)).toBe(reference(bytes));
      }),
      { numRuns: 3000 },
    );
  }, 30_000);

  it('knows the borders of Table 3-7', () => {
    expect(validUtf8Prefix(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(validUtf8Prefix(new Uint8Array([0xe0, 0x9f, 0x80]))).toBe(0);
    expect(validUtf8Prefix(new Uint8Array([0xe0, 0xa0, 0x80]))).toBe(3);
    expect(validUtf8Prefix(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(validUtf8Prefix(new Uint8Array([0xf4, 0x8f, 0xbf, 0xbf]))).toBe(4);
    expect(validUtf8Prefix(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(validUtf8Prefix(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
  });
});
