import type { SignerTrustRule } from './checkSignerTrust.ts';

/** Version of the stored trust setting record; bump it (with a migration) whenever its meaning changes. */
export const BUNDLE_TRUST_SETTING_VERSION = 1;

/** The board's persisted "require a trusted signer" setting (the `settings` record `bundle.trustSetting`). */
export interface BundleTrustSetting {
  version: typeof BUNDLE_TRUST_SETTING_VERSION;
  /** Refuse to open (merge or brief) a bundle whose signer is not a trusted key. */
  requireTrusted: boolean;
}

/** The setting before the user chose: bundles from untrusted signers open, with a warning. */
export const DEFAULT_BUNDLE_TRUST_SETTING: BundleTrustSetting = { version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted: false };

/**
 * Why a stored record was not used as it was: `invalid` (not a trust setting record), `newer`
 * (written by a newer Tidegate, whose fields may mean more than this one knows).
 */
export type BundleTrustSettingProblem = 'invalid' | 'newer';

/** A stored setting made safe to use, and why it differs from what was stored. */
export interface RestoredBundleTrustSetting {
  setting: BundleTrustSetting;
  problem: BundleTrustSettingProblem | null;
}

/** A raw record on its way through the migrations: any JSON object. */
export type RawBundleTrustSetting = Record<string, unknown>;

/** Turns a record of version `from` into one of version `from + 1`. */
export interface BundleTrustSettingMigration {
  from: number;
  /** What changed, for people reading the list. */
  change: string;
  migrate(raw: RawBundleTrustSetting): RawBundleTrustSetting;
}

/** Every migration, oldest first, from version 1 (the first stored version) up. None yet. */
export const BUNDLE_TRUST_SETTING_MIGRATIONS: readonly BundleTrustSettingMigration[] = [];

/** Throws unless the migrations run from 1 up to BUNDLE_TRUST_SETTING_VERSION one step at a time. */
export function checkBundleTrustSettingMigrations(migrations: readonly BundleTrustSettingMigration[] = BUNDLE_TRUST_SETTING_MIGRATIONS): void {
  migrations.forEach((migration, k) => {
    if (migration.from !== k + 1) throw new Error(`Trust setting migration ${k} starts from version ${migration.from}, expected ${k + 1}`);
  });
  if (migrations.length + 1 !== BUNDLE_TRUST_SETTING_VERSION) {
    throw new Error(`Trust setting migrations reach version ${migrations.length + 1}, but BUNDLE_TRUST_SETTING_VERSION is ${BUNDLE_TRUST_SETTING_VERSION}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one restore path of the stored setting. No record (`undefined`: never set) is the default.
 * A record of a known version is migrated up to this one. A record that cannot be read, or one
 * from a newer Tidegate, fails closed: trusted signers are required (a refused bundle loses
 * nothing, while an unchecked one might be wrong) until the user sets it again, and the problem
 * says why so the page can tell them.
 */
export function restoreBundleTrustSetting(stored: unknown, migrations: readonly BundleTrustSettingMigration[] = BUNDLE_TRUST_SETTING_MIGRATIONS): RestoredBundleTrustSetting {
  if (stored === undefined) return { setting: DEFAULT_BUNDLE_TRUST_SETTING, problem: null };
  const closed = (problem: BundleTrustSettingProblem): RestoredBundleTrustSetting => ({ setting: { version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted: true }, problem });
  if (!isRecord(stored)) return closed('invalid');
  const version = stored.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return closed('invalid');
  if (version > BUNDLE_TRUST_SETTING_VERSION) return closed('newer');
  let raw = stored;
  for (let from = version; from < BUNDLE_TRUST_SETTING_VERSION; from++) raw = migrations[from - 1].migrate(raw);
  if (typeof raw.requireTrusted !== 'boolean') return closed('invalid');
  return { setting: { version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted: raw.requireTrusted }, problem: null };
}

/** The record to store for `requireTrusted`. */
export function bundleTrustSetting(requireTrusted: boolean): BundleTrustSetting {
  return { version: BUNDLE_TRUST_SETTING_VERSION, requireTrusted };
}

/** The trust rule a reader applies (checkSignerTrust): the trusted keys' fingerprints and the setting. */
export function signerTrustRuleOf(trustedFingerprints: readonly string[], setting: BundleTrustSetting): SignerTrustRule {
  return { trusted: [...trustedFingerprints], requireTrusted: setting.requireTrusted };
}

checkBundleTrustSettingMigrations();
