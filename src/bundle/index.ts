/**
 * Briefing bundles (docs/bundle-format.md): a signed, optionally encrypted zip of events in the
 * store's columnar form, views and a manifest. Storage-agnostic: the page or a worker keeps keys
 * and trust lists where it likes (IndexedDB, a file) and hands them in.
 */
export { bundleRecordsFor } from './bundleRecords.ts';
export { DEFAULT_PBKDF2_ITERATIONS, ENVELOPE, isEncryptedBundle } from './bundleEncryption.ts';
export { BUNDLE_EXTENSION, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './bundleFormat.ts';
export { BUNDLE_LIMITS, type BundleLimits } from './bundleLimits.ts';
export type { BundleEntryDescription, BundleManifest } from './BundleManifest.ts';
export { BUNDLE_REFUSAL_CODES, type BundleRefusal, type BundleRefusalCode } from './BundleRefusal.ts';
export { chunkRecord, chunkRecords } from './chunkRecords.ts';
export {
  createBundle,
  type BundleProgress,
  type BundleSigner,
  type BundleSource,
  type BundleSourceChunk,
  type CreateBundleOptions,
  type CreatedBundle,
} from './createBundle.ts';
export { DEFAULT_HANDLING_POLICY, HANDLING_TALLY_KEYS, mayCarry, type HandlingPolicy, type HandlingTally } from './handlingPolicy.ts';
export { importBundle } from './importBundle.ts';
export { looksLikeBundle } from './looksLikeBundle.ts';
export { readBundle, type BundleContents, type BundleReadResult, type BundleWarning, type ReadBundleOptions, type VerifiedSigner } from './readBundle.ts';
export {
  exportPrivateKey,
  exportPublicKey,
  fingerprint,
  formatFingerprint,
  generateSigningKey,
  importPrivateKey,
  importPublicKey,
  readPrivateJwk,
  readPublicJwk,
  type PrivateSigningJwk,
  type PublicSigningJwk,
} from './signingKeys.ts';
export type { BundleView, BundleViewContent } from './viewEntry.ts';
