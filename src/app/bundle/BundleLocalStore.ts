import { restoreBundleTrustSetting, type BundleTrustSetting, type RestoredBundleTrustSetting } from '../../bundle/BundleTrustSetting.ts';
import type { PublicSigningJwk } from '../../bundle/signingKeys.ts';
import { orderSavedViews } from '../../briefing/savedViewOrder.ts';
import type { SavedView } from '../../store/SavedView.ts';
import { TidegateDatabase } from '../../store/TidegateDatabase.ts';

/** This browser's signing key as kept in IndexedDB: the private half never leaves it (non-extractable). */
export interface StoredSigningKey {
  privateKey: CryptoKey;
  publicKey: PublicSigningJwk;
  fingerprint: string;
  createdAt: number;
}

/** A public key the user trusts, under the name they gave it. */
export interface TrustedKey {
  name: string;
  fingerprint: string;
  publicKey: PublicSigningJwk;
  addedAt: number;
}

/** Settings keys of the bundle records (the `store.` prefix belongs to the event store). */
const SIGNING_KEY = 'bundle.signingKey';
const TRUSTED_KEYS = 'bundle.trustedKeys';
const SIGNER_NAME = 'bundle.signerName';
const TRUST_SETTING = 'bundle.trustSetting';

/**
 * The page's own small records in the board's database: saved views (`views` table) and the
 * bundle keys (`settings` table: the signing key pair as CryptoKey objects, which IndexedDB
 * stores as they are, the trusted public keys and the versioned trust setting). Events never go
 * through here.
 */
export class BundleLocalStore {
  private constructor(private readonly db: TidegateDatabase) {}

  /** Opens the board's database on this thread. */
  static open(): BundleLocalStore {
    return new BundleLocalStore(new TidegateDatabase());
  }

  /** Every saved view, in list order. */
  async listViews(): Promise<SavedView[]> {
    return orderSavedViews(await this.db.views.toArray());
  }

  /** Writes saved views (new or changed) in one transaction. */
  async putViews(views: readonly SavedView[]): Promise<void> {
    await this.db.views.bulkPut([...views]);
  }

  async deleteView(id: string): Promise<void> {
    await this.db.views.delete(id);
  }

  async signingKey(): Promise<StoredSigningKey | null> {
    return ((await this.db.settings.get(SIGNING_KEY))?.value as StoredSigningKey | undefined) ?? null;
  }

  async setSigningKey(key: StoredSigningKey): Promise<void> {
    await this.db.settings.put({ key: SIGNING_KEY, value: key });
  }

  async trustedKeys(): Promise<TrustedKey[]> {
    const value = (await this.db.settings.get(TRUSTED_KEYS))?.value;
    return Array.isArray(value) ? (value as TrustedKey[]) : [];
  }

  async setTrustedKeys(keys: readonly TrustedKey[]): Promise<void> {
    await this.db.settings.put({ key: TRUSTED_KEYS, value: [...keys] });
  }

  async signerName(): Promise<string> {
    const value = (await this.db.settings.get(SIGNER_NAME))?.value;
    return typeof value === 'string' ? value : '';
  }

  async setSignerName(name: string): Promise<void> {
    await this.db.settings.put({ key: SIGNER_NAME, value: name });
  }

  /** The "require a trusted signer" setting, through its one restore path (absent: the default). */
  async trustSetting(): Promise<RestoredBundleTrustSetting> {
    return restoreBundleTrustSetting((await this.db.settings.get(TRUST_SETTING))?.value);
  }

  async setTrustSetting(setting: BundleTrustSetting): Promise<void> {
    await this.db.settings.put({ key: TRUST_SETTING, value: { ...setting } });
  }
}
