import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_TRUST_SETTING_VERSION,
  bundleTrustSetting,
  checkBundleTrustSettingMigrations,
  DEFAULT_BUNDLE_TRUST_SETTING,
  restoreBundleTrustSetting,
  signerTrustRuleOf,
  type BundleTrustSettingMigration,
} from './BundleTrustSetting.ts';
import { bundleParts, chunkOf, makeBundleRecord, makeTestSigner, signedBundle, type TestSigner } from './bundleTestSupport.ts';
import { checkSignerTrust, type SignerTrustRule } from './checkSignerTrust.ts';
import { createBundle } from './createBundle.ts';
import { readBundle } from './readBundle.ts';
import { fingerprint } from './signingKeys.ts';

const hexFingerprint = fc.stringMatching(/^[0-9a-f]{64}$/);
const ruleArbitrary = (known: fc.Arbitrary<string>): fc.Arbitrary<SignerTrustRule> =>
  fc.record({ trusted: fc.option(fc.array(known, { maxLength: 6 }), { nil: undefined }), requireTrusted: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] });

/** The plain rule, written out case by case. */
function referenceVerdict(print: string, rule: SignerTrustRule): { trusted: boolean; refused: boolean } {
  let trusted = false;
  for (const key of rule.trusted ?? []) if (key === print) trusted = true;
  const refused = rule.requireTrusted === true && !trusted;
  return { trusted, refused };
}

describe('checkSignerTrust', () => {
  it('trusts exactly the listed fingerprints and refuses the rest only when a trusted signer is required (random rules)', () => {
    // Fingerprints drawn from a small pool, so listed and unlisted signers both come up often.
    const pool = fc.constantFrom('a'.repeat(64), 'b'.repeat(64), '0123456789abcdef'.repeat(4), 'f'.repeat(64));
    fc.assert(
      fc.property(fc.oneof(pool, hexFingerprint), ruleArbitrary(fc.oneof(pool, hexFingerprint)), (print, rule) => {
        const verdict = checkSignerTrust(print, rule);
        const expected = referenceVerdict(print, rule);
        expect(verdict.trusted).toBe(expected.trusted);
        expect(verdict.refusal?.code ?? null).toBe(expected.refused ? 'untrusted-signer' : null);
        if (verdict.refusal) expect(verdict.refusal.message).toContain(print);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses everyone when a trusted signer is required and nobody is trusted', () => {
    expect(checkSignerTrust('a'.repeat(64), { requireTrusted: true }).refusal?.code).toBe('untrusted-signer');
    expect(checkSignerTrust('a'.repeat(64), { trusted: [], requireTrusted: true }).refusal?.code).toBe('untrusted-signer');
    expect(checkSignerTrust('a'.repeat(64), {})).toEqual({ trusted: false, refusal: null });
  });
});

describe('the trust setting record', () => {
  it('restores an absent record as the default and a version-1 record as stored', () => {
    expect(restoreBundleTrustSetting(undefined)).toEqual({ setting: DEFAULT_BUNDLE_TRUST_SETTING, problem: null });
    expect(DEFAULT_BUNDLE_TRUST_SETTING.requireTrusted).toBe(false);
    for (const requireTrusted of [false, true]) {
      const stored = JSON.parse(JSON.stringify(bundleTrustSetting(requireTrusted))) as unknown;
      expect(restoreBundleTrustSetting(stored)).toEqual({ setting: { version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted }, problem: null });
    }
  });

  it('fails closed on any record it cannot read, and on a newer version (random values)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const restored = restoreBundleTrustSetting(value);
        const readable =
          typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Record<string, unknown>).version === 1 && typeof (value as Record<string, unknown>).requireTrusted === 'boolean';
        if (readable) expect(restored).toEqual({ setting: { version: 1, requireTrusted: (value as Record<string, unknown>).requireTrusted }, problem: null });
        else expect(restored.setting).toEqual({ version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted: true });
        expect(restored.problem === null).toBe(readable);
      }),
      { numRuns: 2000 },
    );
    expect(restoreBundleTrustSetting({ version: 2, requireTrusted: false })).toEqual({ setting: { version: 1, requireTrusted: true }, problem: 'newer' });
    expect(restoreBundleTrustSetting({ version: 1 })).toMatchObject({ problem: 'invalid', setting: { requireTrusted: true } });
    expect(restoreBundleTrustSetting(null)).toMatchObject({ problem: 'invalid', setting: { requireTrusted: true } });
    expect(restoreBundleTrustSetting(true)).toMatchObject({ problem: 'invalid' });
  });

  it('has a migration for every version step, checked at load', () => {
    expect(() => checkBundleTrustSettingMigrations()).not.toThrow();
    const stray: BundleTrustSettingMigration = { from: 3, change: 'none', migrate: (raw) => raw };
    expect(() => checkBundleTrustSettingMigrations([stray])).toThrow(/starts from version 3, expected 1/);
  });

  it('makes the reader\'s rule from the trusted keys and the setting', () => {
    const keys = ['a'.repeat(64)];
    expect(signerTrustRuleOf(keys, bundleTrustSetting(true))).toEqual({ trusted: keys, requireTrusted: true });
    expect(signerTrustRuleOf([], DEFAULT_BUNDLE_TRUST_SETTING)).toEqual({ trusted: [], requireTrusted: false });
  });
});

describe('readBundle applies the trust rule', () => {
  let signer: TestSigner;
  let other: TestSigner;
  let bytes: Uint8Array;
  let print: string;

  beforeAll(async () => {
    [signer, other] = await Promise.all([makeTestSigner(), makeTestSigner()]);
    ({ bytes } = await createBundle({ chunks: [{ chunk: chunkOf([makeBundleRecord()]) }] }, { signer: { ...signer, name: 'Lok Ma Chau desk' } }));
    print = await fingerprint(signer.publicKey);
  });

  it('refuses an untrusted signer when the setting requires a trusted one, and returns nothing of the bundle', async () => {
    const otherPrint = await fingerprint(other.publicKey);
    for (const trusted of [[], [otherPrint]]) {
      const read = await readBundle(bytes, signerTrustRuleOf(trusted, bundleTrustSetting(true)));
      expect(read).toEqual({ ok: false, refusal: { code: 'untrusted-signer', message: expect.stringContaining(print) as string } });
      expect('contents' in read).toBe(false);
    }
  });

  it('opens a trusted signer\'s bundle with the setting on, and any signer\'s with it off (marked untrusted)', async () => {
    const on = await readBundle(bytes, signerTrustRuleOf([print], bundleTrustSetting(true)));
    expect(on.ok && on.contents.signer).toMatchObject({ fingerprint: print, trusted: true });
    const off = await readBundle(bytes, signerTrustRuleOf([], DEFAULT_BUNDLE_TRUST_SETTING));
    expect(off.ok && off.contents.signer).toMatchObject({ fingerprint: print, trusted: false });
  });

  it('checks the signature before trust: a manifest naming a trusted key but signed by another is bad-signature, not untrusted', async () => {
    // The manifest still names the trusted key, but another key signed it.
    const changed = await signedBundle(bundleParts(bytes), other);
    expect(await readBundle(changed, signerTrustRuleOf([print], bundleTrustSetting(true)))).toMatchObject({ ok: false, refusal: { code: 'bad-signature' } });
    expect(await readBundle(changed, signerTrustRuleOf([], bundleTrustSetting(true)))).toMatchObject({ ok: false, refusal: { code: 'bad-signature' } });
  });
});
