import { pageViewEnvironment, VIEW_STORAGE_KEY, type ViewEnvironment } from '../ViewStore.svelte.ts';

/** Storage key of the view a wall last showed on this device (never the board's VIEW_STORAGE_KEY). */
export const WALL_VIEW_STORAGE_KEY = 'tidegate.wall.view';

type ViewStorage = NonNullable<ViewEnvironment['storage']>;

/**
 * `storage` with the board's view key moved to the wall's own: a wall shows one playlist view after
 * another, and opening the board later must find the board's last view, not the wall's. Every
 * other key passes through unchanged.
 */
export function wallViewStorage(storage: ViewStorage | null): ViewStorage | null {
  if (storage === null) return null;
  const keyOf = (key: string) => (key === VIEW_STORAGE_KEY ? WALL_VIEW_STORAGE_KEY : key);
  return {
    getItem: (key) => storage.getItem(keyOf(key)),
    setItem: (key, value) => storage.setItem(keyOf(key), value),
  };
}

/** The page's view environment for a wall: the address bar and history as is, the view under the wall's key. */
export function wallViewEnvironment(page: ViewEnvironment = pageViewEnvironment()): ViewEnvironment {
  return { ...page, storage: wallViewStorage(page.storage) };
}
