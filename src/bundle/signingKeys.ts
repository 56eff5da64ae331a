import { BundleRefusalError } from './BundleRefusal.ts';
import { bufferSource, sha256Hex, subtleCrypto } from './sha256.ts';

/** The public half of a signing key as a JWK (RFC 7517): only the members that define it. */
export interface PublicSigningJwk {
  kty: 'EC';
  crv: 'P-256';
  /** The point's coordinates, 32 bytes each, base64url without padding. */
  x: string;
  y: string;
}

/** A private signing key as the CLI keeps it in a file: the public members plus `d`. */
export interface PrivateSigningJwk extends PublicSigningJwk {
  d: string;
}

/** ECDSA over P-256 with SHA-256: the one signature algorithm of bundle format 1. */
export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Bytes of a P-256 signature in IEEE P1363 form: r then s, 32 bytes each, big-endian. */
export const SIGNATURE_BYTES = 64;

const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The public JWK in `value` (extra members such as `key_ops` or `d` are dropped), or a reason it
 * is not a P-256 public key. Coordinates must be exactly 32 bytes of base64url.
 */
export function readPublicJwk(value: unknown): PublicSigningJwk | string {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.kty !== 'EC') return `key type ${JSON.stringify(value.kty)}, not "EC"`;
  if (value.crv !== 'P-256') return `curve ${JSON.stringify(value.crv)}, not "P-256"`;
  for (const member of ['x', 'y'] as const) {
    const coordinate = value[member];
    if (typeof coordinate !== 'string' || !BASE64URL_32_BYTES.test(coordinate)) return `"${member}" is not 32 bytes of base64url`;
  }
  return { kty: 'EC', crv: 'P-256', x: value.x as string, y: value.y as string };
}

/** The private JWK in `value`, or a reason it is not a P-256 private key. */
export function readPrivateJwk(value: unknown): PrivateSigningJwk | string {
  const publicJwk = readPublicJwk(value);
  if (typeof publicJwk === 'string') return publicJwk;
  const d = (value as Record<string, unknown>).d;
  if (typeof d !== 'string' || !BASE64URL_32_BYTES.test(d)) return 'no private key ("d" is not 32 bytes of base64url): is this a public key?';
  return { ...publicJwk, d };
}

/**
 * The canonical text of a public key: its required members in lexicographic order, no white
 * space — RFC 7638's JWK thumbprint input. Its SHA-256 is the key's fingerprint.
 */
export function canonicalPublicJwk(jwk: PublicSigningJwk): string {
  return `{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`;
}

/** A key's fingerprint: SHA-256 of its canonical public JWK, 64 lower-case hex digits. */
export async function fingerprint(jwk: PublicSigningJwk): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalPublicJwk(jwk)));
}

/** A fingerprint for people: 16 groups of four hex digits (`3f2a 9c01 …`), to read out and compare. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/**
 * A new signing key pair. Keep `extractable` false wherever the key can stay a CryptoKey (the
 * browser stores the pair in IndexedDB as is); the CLI, which keeps the key in a file, needs it
 * true. The public key is always exportable.
 */
export async function generateSigningKey(options: { extractable: boolean }): Promise<CryptoKeyPair> {
  return subtleCrypto().generateKey(SIGNING_ALGORITHM, options.extractable, ['sign', 'verify']);
}

/** The public JWK of a public CryptoKey. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<PublicSigningJwk> {
  const jwk = readPublicJwk(await subtleCrypto().exportKey('jwk', publicKey));
  if (typeof jwk === 'string') throw new Error(`Not a P-256 public key: ${jwk}`);
  return jwk;
}

/** The private JWK of an extractable private CryptoKey (for the CLI's key file). */
export async function exportPrivateKey(privateKey: CryptoKey): Promise<PrivateSigningJwk> {
  const jwk = readPrivateJwk(await subtleCrypto().exportKey('jwk', privateKey));
  if (typeof jwk === 'string') throw new Error(`Not a P-256 private key: ${jwk}`);
  return jwk;
}

/** A verify-only CryptoKey of a public JWK; WebCrypto refuses a point that is not on the curve. */
export async function importPublicKey(jwk: PublicSigningJwk): Promise<CryptoKey> {
  return subtleCrypto().importKey('jwk', { ...jwk, ext: true }, SIGNING_ALGORITHM, true, ['verify']);
}

/** A sign-only, non-extractable CryptoKey of a private JWK. */
export async function importPrivateKey(jwk: PrivateSigningJwk): Promise<CryptoKey> {
  return subtleCrypto().importKey('jwk', { ...jwk }, SIGNING_ALGORITHM, false, ['sign']);
}

/** The P1363 signature (64 bytes) of `bytes`. */
export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtleCrypto().sign(SIGN_PARAMS, privateKey, bufferSource(bytes)));
}

/**
 * Whether `signature` (P1363, 64 bytes) is `jwk`'s signature of `bytes`. A key WebCrypto cannot
 * import (a point off the curve) is a refusal, not an exception.
 */
export async function verifySignature(jwk: PublicSigningJwk, signature: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  if (signature.length !== SIGNATURE_BYTES) return false;
  let key: CryptoKey;
  try {
    key = await importPublicKey(jwk);
  } catch {
    throw new BundleRefusalError('bad-signature', 'the signer\'s public key in the manifest is not a valid P-256 point');
  }
  return subtleCrypto().verify(SIGN_PARAMS, key, bufferSource(signature), bufferSource(bytes));
}
