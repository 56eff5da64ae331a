/**
 * The UI strings of one area of the board (a panel, the timeline, the map…) in every language.
 * Each locale must have exactly the keys of `en`; the type checks it here, and the catalog test
 * checks the merged catalogs for missing keys, empty strings and lost placeholders.
 */
export interface AreaMessages<K extends string> {
  en: Record<K, string>;
  'zh-Hans': Record<K, string>;
  'zh-Hant': Record<K, string>;
}

/** Declares an area's messages (an identity function that lets TypeScript infer and check the keys). */
export function defineMessages<K extends string>(messages: AreaMessages<K>): AreaMessages<K> {
  return messages;
}
