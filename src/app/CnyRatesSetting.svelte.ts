import type { CnyRates } from '../feeds/cnyRates.ts';
import { CNY_RATES_STORAGE_KEY, cnyRatesText, restoreCnyRates, type RestoredCnyRates } from '../feeds/storedCnyRates.ts';

/** The page's local storage, or null where it is disabled (private mode, policy). */
function pageStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The currency rates to CNY that imports of this device use from now on: read once through
 * restoreCnyRates, saved under their own key on every change. Not view state (a link never
 * carries them); they reach imports as FeedImportSettings.
 */
export class CnyRatesSetting {
  rates: CnyRates = $state.raw(restoreCnyRates(null).rates);
  /** Why the stored rates were not used, shown in the model panel (null: they were, or none were stored). */
  notice: RestoredCnyRates['notice'] = $state(null);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = pageStorage()) {
    let text: string | null = null;
    try {
      text = storage?.getItem(CNY_RATES_STORAGE_KEY) ?? null;
    } catch {
      // Unreadable storage: the defaults, as when nothing is stored.
    }
    const restored = restoreCnyRates(text);
    this.rates = restored.rates;
    this.notice = restored.notice;
  }

  /** Puts `rates` in force and keeps them on this device. */
  set(rates: CnyRates): void {
    this.rates = rates;
    this.notice = null;
    try {
      this.storage?.setItem(CNY_RATES_STORAGE_KEY, cnyRatesText(rates));
    } catch {
      // A full or disabled storage: the rates stay in force for this page.
    }
  }
}
