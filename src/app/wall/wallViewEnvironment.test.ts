import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultViewState } from '../../view/ViewState.ts';
import { VIEW_STORAGE_KEY, ViewStore, type ViewEnvironment } from '../ViewStore.svelte.ts';
import { WALL_VIEW_STORAGE_KEY, wallViewEnvironment } from './wallViewEnvironment.ts';

function pageWith(href: string, stored: Record<string, string>): { env: ViewEnvironment; storage: Map<string, string> } {
  const storage = new Map(Object.entries(stored));
  let current = href;
  return {
    storage,
    env: {
      location: {
        get href() {
          return current;
        },
      },
      history: { state: null, pushState: (_state, _title, url) => (current = String(url)), replaceState: (_state, _title, url) => (current = String(url)) },
      storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
      languages: ['en'],
      addPopStateListener: () => undefined,
    },
  };
}

describe('wallViewEnvironment', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps the wall's views under its own key and leaves the board's saved view as it was", () => {
    const boardView = JSON.stringify({ ...defaultViewState(), theme: 'light' });
    const page = pageWith('http://127.0.0.1/tidegate/?mode=wall&lang=en', { [VIEW_STORAGE_KEY]: boardView });
    const store = new ViewStore(wallViewEnvironment(page.env));
    store.set({ ...defaultViewState(), mode: 'wall', camera: { lon: 113.5, lat: 22.2, zoom: 10 } }, 'replace');
    vi.runAllTimers();
    expect(page.storage.get(VIEW_STORAGE_KEY)).toBe(boardView);
    expect(JSON.parse(page.storage.get(WALL_VIEW_STORAGE_KEY) ?? 'null')).toMatchObject({ mode: 'wall', camera: { lon: 113.5, lat: 22.2, zoom: 10 } });
  });

  it('reads a view from the wall key only, and passes other keys and a missing storage through', () => {
    const page = pageWith('http://127.0.0.1/tidegate/', { [VIEW_STORAGE_KEY]: JSON.stringify({ ...defaultViewState(), theme: 'light' }), other: 'x' });
    const storage = wallViewEnvironment(page.env).storage!;
    expect(storage.getItem(VIEW_STORAGE_KEY)).toBeNull();
    expect(storage.getItem('other')).toBe('x');
    expect(wallViewEnvironment({ ...page.env, storage: null }).storage).toBeNull();
  });
});
