import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTestSigner } from './bundleTestSupport.ts';
import {
  canonicalPublicJwk,
  exportPrivateKey,
  exportPublicKey,
  fingerprint,
  formatFingerprint,
  generateSigningKey,
  importPrivateKey,
  readPrivateJwk,
  readPublicJwk,
  signBytes,
  verifySignature,
} from './signingKeys.ts';

const message = new TextEncoder().encode('{"format":"tidegate-bundle"}\n');

describe('signing keys', () => {
  it('fingerprints a key as SHA-256 of its RFC 7638 canonical JWK, shown in 16 groups of four', async () => {
    const { publicKey } = await makeTestSigner();
    const expected = createHash('sha256').update(JSON.stringify({ crv: publicKey.crv, kty: publicKey.kty, x: publicKey.x, y: publicKey.y })).digest('hex');
    expect(canonicalPublicJwk(publicKey)).toBe(JSON.stringify({ crv: 'P-256', kty: 'EC', x: publicKey.x, y: publicKey.y }));
    expect(await fingerprint(publicKey)).toBe(expected);
    const shown = formatFingerprint(expected);
    expect(shown.split(' ')).toHaveLength(16);
    expect(shown.replaceAll(' ', '')).toBe(expected);
  });

  it('keeps a generated private key non-extractable unless asked, and its public key always exportable', async () => {
    const locked = await generateSigningKey({ extractable: false });
    expect(locked.privateKey.extractable).toBe(false);
    await expect(exportPrivateKey(locked.privateKey)).rejects.toThrow();
    expect(readPublicJwk(await exportPublicKey(locked.publicKey))).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const open = await generateSigningKey({ extractable: true });
    const jwk = await exportPrivateKey(open.privateKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    const reimported = await importPrivateKey(jwk);
    expect(reimported.extractable).toBe(false);
    const publicKey = await exportPublicKey(open.publicKey);
    expect(await verifySignature(publicKey, await signBytes(reimported, message), message)).toBe(true);
  });

  it('signs in IEEE P1363 form (64 bytes) and verifies only the signed bytes under the signing key', async () => {
    const signer = await makeTestSigner();
    const other = await makeTestSigner();
    const signature = await signBytes(signer.privateKey, message);
    expect(signature).toHaveLength(64);
    expect(await verifySignature(signer.publicKey, signature, message)).toBe(true);
    expect(await verifySignature(other.publicKey, signature, message)).toBe(false);
    const changed = message.slice();
    changed[3] ^= 1;
    expect(await verifySignature(signer.publicKey, signature, changed)).toBe(false);
    expect(await verifySignature(signer.publicKey, signature.subarray(0, 63), message)).toBe(false);
  });

  it('reads only canonical P-256 JWKs: 32-byte coordinates in canonical base64url', async () => {
    const { publicKey } = await makeTestSigner();
    expect(readPublicJwk({ ...publicKey, key_ops: ['verify'], ext: true })).toEqual(publicKey);
    expect(readPublicJwk({ ...publicKey, crv: 'P-384' })).toMatch(/curve/);
    expect(readPublicJwk({ ...publicKey, kty: 'RSA' })).toMatch(/key type/);
    expect(readPublicJwk({ ...publicKey, x: `${publicKey.x}A` })).toMatch(/"x"/);
    expect(readPublicJwk('nope')).toMatch(/not a JSON object/);
    expect(readPrivateJwk(publicKey)).toMatch(/no private key/);
    // The last character of 32 bytes carries 4 bits: a non-zero spare bit is a second spelling of one key.
    const last = publicKey.y.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) + 1];
    expect(readPublicJwk({ ...publicKey, y: publicKey.y.slice(0, -1) + sibling })).toMatch(/"y"/);
  });

  it('refuses, as a bad signature, a key that is not a point on the curve', async () => {
    const { publicKey, privateKey } = await makeTestSigner();
    const signature = await signBytes(privateKey, message);
    const offCurve = { ...publicKey, y: publicKey.x };
    await expect(verifySignature(offCurve, signature, message)).rejects.toMatchObject({ code: 'bad-signature' });
  });
});
