import { describe, expect, it } from 'vitest';
import { decryptBundle, DEFAULT_PBKDF2_ITERATIONS, encryptBundle, ENVELOPE, isEncryptedBundle } from './bundleEncryption.ts';
import { BundleRefusalError } from './BundleRefusal.ts';

const zip = new TextEncoder().encode('PK\u0003\u0004 a bundle zip would be here '.repeat(20));

async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action;
    return 'none';
  } catch (error) {
    if (error instanceof BundleRefusalError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe('bundle encryption', () => {
  it('round-trips under the passphrase, with a fresh salt and IV each time and the documented header', async () => {
    const a = await encryptBundle(zip, 'correct horse');
    const b = await encryptBundle(zip, 'correct horse');
    expect(isEncryptedBundle(a)).toBe(true);
    expect(a.length).toBe(ENVELOPE.headerBytes + zip.length + ENVELOPE.tagBytes);
    expect(new TextDecoder().decode(a.subarray(0, 8))).toBe('TIDEGATE');
    expect([a[8], a[9], a[10], a[11]]).toEqual([1, 1, 0, 0]);
    expect(new DataView(a.buffer).getUint32(12, true)).toBe(DEFAULT_PBKDF2_ITERATIONS);
    expect(a.subarray(16, 32)).not.toEqual(b.subarray(16, 32));
    expect(a.subarray(32, 44)).not.toEqual(b.subarray(32, 44));
    expect(await decryptBundle(a, 'correct horse')).toEqual(zip);
    expect(await decryptBundle(b, 'correct horse')).toEqual(zip);
  }, 60_000);

  it('says "wrong passphrase or damaged file" for a wrong passphrase, and never returns plaintext', async () => {
    const sealed = await encryptBundle(zip, 'correct horse');
    expect(await refusal(decryptBundle(sealed, 'correct horsE'))).toBe('wrong-passphrase: wrong passphrase or damaged file: the bundle could not be decrypted');
    expect(await refusal(decryptBundle(sealed, ''))).toMatch(/^passphrase-required/);
  }, 60_000);

  it('reads the passphrase in NFC, so composed and decomposed accents open the same file', async () => {
    const sealed = await encryptBundle(zip, 'caf\u00e9 m\u00e1s');
    expect(await decryptBundle(sealed, 'cafe\u0301 ma\u0301s')).toEqual(zip);
  }, 60_000);

  it('binds every header byte: each change is refused, never decrypted', async () => {
    const sealed = await encryptBundle(zip, 'pw');
    const outcomes = new Map<string, number>();
    for (let at = 0; at < ENVELOPE.headerBytes; at++) {
      const flipped = sealed.slice();
      flipped[at] ^= 0x01;
      const code = (await refusal(decryptBundle(flipped, 'pw'))).split(':')[0];
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    expect(outcomes.get('none')).toBeUndefined();
    // Magic → not a bundle; version/suite → unsupported; reserved/iterations → damaged; salt, IV (and iterations' low byte) → GCM.
    expect([...outcomes.keys()].sort()).toEqual(['damaged', 'not-a-bundle', 'unsupported-version', 'wrong-passphrase']);
  }, 300_000);

  it('refuses a version or suite it does not know by number, and iterations outside the bounds', async () => {
    const sealed = await encryptBundle(zip, 'pw');
    const patched = (at: number, value: number) => {
      const copy = sealed.slice();
      copy[at] = value;
      return copy;
    };
    expect(await refusal(decryptBundle(patched(8, 2), 'pw'))).toMatch(/^unsupported-version: encrypted bundle envelope version 2/);
    expect(await refusal(decryptBundle(patched(9, 7), 'pw'))).toMatch(/^unsupported-version: encryption suite 7/);
    const many = sealed.slice();
    new DataView(many.buffer).setUint32(12, 0xffffffff, true);
    expect(await refusal(decryptBundle(many, 'pw'))).toMatch(/^damaged: .*4294967295 PBKDF2 iterations/);
    expect(await refusal(decryptBundle(sealed.subarray(0, ENVELOPE.headerBytes + 15), 'pw'))).toMatch(/^damaged: the encrypted bundle is truncated/);
    await expect(encryptBundle(zip, 'pw', { iterations: 1000 })).rejects.toThrow(RangeError);
  }, 60_000);
});
