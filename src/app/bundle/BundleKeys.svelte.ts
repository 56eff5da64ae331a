import { bundleTrustSetting, DEFAULT_BUNDLE_TRUST_SETTING, signerTrustRuleOf, type BundleTrustSetting, type BundleTrustSettingProblem } from '../../bundle/BundleTrustSetting.ts';
import type { SignerTrustRule } from '../../bundle/checkSignerTrust.ts';
import type { BundleSigner } from '../../bundle/createBundle.ts';
import { exportPublicKey, fingerprint, generateSigningKey, importPublicKey, readPublicJwk } from '../../bundle/signingKeys.ts';
import { cleanViewName } from '../../briefing/savedViewOrder.ts';
import { downloadBlob } from '../download.ts';
import type { BundleLocalStore, TrustedKey } from './BundleLocalStore.ts';

/** This browser's key as the dialogs show it (the private half stays a CryptoKey in IndexedDB). */
export interface OwnKeyInfo {
  fingerprint: string;
  createdAt: number;
}

/** Why a public key file could not be trusted. */
export type TrustProblem = { kind: 'bad'; reason: string } | { kind: 'already'; name: string } | { kind: 'nameRequired' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Longest JWK file read, bytes: a public key is about 200. */
const MAX_JWK_BYTES = 64 * 1024;

/**
 * Signing and trust for bundles in the browser: one ECDSA P-256 key pair per browser profile,
 * made on first use with a non-extractable private key and kept in IndexedDB as CryptoKey
 * objects; its public key saved as a .jwk file to hand to recipients; public keys of others
 * trusted under a name, listed with their fingerprints, removed; and whether only bundles signed
 * by a trusted key may be opened (BundleTrustSetting).
 */
export class BundleKeys {
  own: OwnKeyInfo | null = $state.raw(null);
  trusted: TrustedKey[] = $state.raw([]);
  trustSetting: BundleTrustSetting = $state.raw(DEFAULT_BUNDLE_TRUST_SETTING);
  /** Why the stored trust setting was not used as stored (it then requires trusted signers), or null. */
  trustSettingProblem: BundleTrustSettingProblem | null = $state(null);
  /** The name this browser's bundles carry beside the fingerprint. */
  signerName = $state('');
  error: string | null = $state(null);

  constructor(private readonly store: () => Promise<BundleLocalStore>) {}

  async refresh(): Promise<void> {
    try {
      const store = await this.store();
      const [key, trusted, name, trust] = await Promise.all([store.signingKey(), store.trustedKeys(), store.signerName(), store.trustSetting()]);
      this.own = key === null ? null : { fingerprint: key.fingerprint, createdAt: key.createdAt };
      this.trusted = trusted;
      this.signerName = name;
      this.trustSetting = trust.setting;
      this.trustSettingProblem = trust.problem;
      this.error = null;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Makes this browser's signing key when it has none; returns its fingerprint. */
  async ensureKey(): Promise<string> {
    const store = await this.store();
    const existing = await store.signingKey();
    if (existing !== null) return existing.fingerprint;
    const pair = await generateSigningKey({ extractable: false });
    const publicKey = await exportPublicKey(pair.publicKey);
    const key = { privateKey: pair.privateKey, publicKey, fingerprint: await fingerprint(publicKey), createdAt: Date.now() };
    await store.setSigningKey(key);
    this.own = { fingerprint: key.fingerprint, createdAt: key.createdAt };
    return key.fingerprint;
  }

  /** The signer of an export (the key made first when there is none), named as the user set. */
  async signer(): Promise<BundleSigner> {
    await this.ensureKey();
    const key = (await (await this.store()).signingKey())!;
    const name = this.signerName.trim();
    return { privateKey: key.privateKey, publicKey: key.publicKey, name: name === '' ? null : [...name].slice(0, 200).join('') };
  }

  async setSignerName(name: string): Promise<void> {
    this.signerName = name;
    await (await this.store()).setSignerName(name);
  }

  /** Saves this browser's public key as `tidegate-key-<first 16 hex digits>.jwk`. */
  async exportPublicKey(): Promise<void> {
    await this.ensureKey();
    const key = (await (await this.store()).signingKey())!;
    const text = JSON.stringify(key.publicKey, null, 2) + '\n';
    downloadBlob(new Blob([text], { type: 'application/jwk+json' }), `tidegate-key-${key.fingerprint.slice(0, 16)}.jwk`);
  }

  /** Trusts the public key in a .jwk file under `name`; says why not when it cannot. */
  async trustFile(file: Blob, name: string): Promise<TrustProblem | null> {
    const cleaned = cleanViewName(name);
    if (cleaned === null) return { kind: 'nameRequired' };
    if (file.size > MAX_JWK_BYTES) return { kind: 'bad', reason: `the file is ${file.size} bytes` };
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      return { kind: 'bad', reason: 'not JSON' };
    }
    const publicKey = readPublicJwk(raw);
    if (typeof publicKey === 'string') return { kind: 'bad', reason: publicKey };
    try {
      await importPublicKey(publicKey);
    } catch {
      return { kind: 'bad', reason: 'not a point on the P-256 curve' };
    }
    const print = await fingerprint(publicKey);
    const store = await this.store();
    const trusted = await store.trustedKeys();
    const known = trusted.find((key) => key.fingerprint === print);
    if (known !== undefined) return { kind: 'already', name: known.name };
    const next = [...trusted, { name: cleaned, fingerprint: print, publicKey, addedAt: Date.now() }];
    await store.setTrustedKeys(next);
    this.trusted = next;
    return null;
  }

  async removeTrusted(fingerprintHex: string): Promise<void> {
    const store = await this.store();
    const next = (await store.trustedKeys()).filter((key) => key.fingerprint !== fingerprintHex);
    await store.setTrustedKeys(next);
    this.trusted = next;
  }

  /** Stores whether only bundles signed by a trusted key may be opened. */
  async setRequireTrusted(requireTrusted: boolean): Promise<void> {
    const setting = bundleTrustSetting(requireTrusted);
    await (await this.store()).setTrustSetting(setting);
    this.trustSetting = setting;
    this.trustSettingProblem = null;
  }

  /** The rule a bundle is read by (checkSignerTrust): the trusted keys and the setting, as last read. */
  trustRule(): SignerTrustRule {
    return signerTrustRuleOf(
      this.trusted.map((key) => key.fingerprint),
      this.trustSetting,
    );
  }

  /** The name the user trusts a fingerprint under, or null. */
  trustedName(fingerprintHex: string): string | null {
    return this.trusted.find((key) => key.fingerprint === fingerprintHex)?.name ?? null;
  }
}
