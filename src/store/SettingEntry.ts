/** One record of the `settings` table. Keys starting with `store.` are reserved for the event store. */
export interface SettingEntry {
  key: string;
  value: unknown;
}

/** Settings key of the store generation: a counter bumped by every commit that changes published data. */
export const GENERATION_SETTING = 'store.generation';
