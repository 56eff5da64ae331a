import type { BundleRefusal } from './BundleRefusal.ts';

/**
 * How a reader treats a bundle's signer. The CLI builds it from `--trust` files (given any, it
 * requires one of them); the board from its trusted keys and its "require a trusted signer"
 * setting (BundleTrustSetting).
 */
export interface SignerTrustRule {
  /** Fingerprints (signingKeys.fingerprint: 64 lower-case hex digits) of the keys the reader trusts. */
  trusted?: readonly string[];
  /** Refuse (`untrusted-signer`) a bundle whose signer is not in `trusted`. */
  requireTrusted?: boolean;
}

/** Whether a signer is trusted, and the refusal the rule makes of it (null: the bundle may be read on). */
export interface SignerTrustVerdict {
  trusted: boolean;
  refusal: BundleRefusal | null;
}

/**
 * Judges the key that signed a bundle (its fingerprint as the reader computed it, after the
 * signature verified) against `rule`: trusted when the fingerprint is in the trust list; refused
 * as `untrusted-signer` when it is not and the rule requires a trusted signer. Trust is never
 * taken from the bundle itself (its `creator.name` is not verified). A bundle without a signature
 * never gets this far: format 1 refuses it whatever the rule (`missing-entry`).
 */
export function checkSignerTrust(fingerprint: string, rule: SignerTrustRule): SignerTrustVerdict {
  const trusted = (rule.trusted ?? []).includes(fingerprint);
  if (trusted || rule.requireTrusted !== true) return { trusted, refusal: null };
  return { trusted, refusal: { code: 'untrusted-signer', message: `the bundle is signed by ${fingerprint}, which is not a trusted key, and a trusted signer is required` } };
}
