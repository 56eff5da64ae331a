import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIEW_STORAGE_KEY, ViewStore, type ViewEnvironment } from './ViewStore.svelte.ts';
import { defaultViewState } from '../view/ViewState.ts';

/** A browser stand-in: an address bar with a history stack, and a storage map. */
function fakeEnvironment(href: string, stored: Record<string, string> = {}, languages = ['en-GB']) {
  const entries = [href];
  let at = 0;
  const listeners: (() => void)[] = [];
  const storage = new Map(Object.entries(stored));
  const env: ViewEnvironment = {
    location: {
      get href() {
        return entries[at];
      },
    },
    history: {
      state: null,
      pushState: (_state, _title, url) => {
        entries.splice(at + 1, entries.length, String(url));
        at++;
      },
      replaceState: (_state, _title, url) => {
        entries[at] = String(url);
      },
    },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    languages,
    addPopStateListener: (listener) => listeners.push(listener),
  };
  const go = (delta: number) => {
    at += delta;
    listeners.forEach((listener) => listener());
  };
  return { env, entries: () => entries.slice(), at: () => at, storage, go };
}

const BASE = 'http://127.0.0.1/ops/tidegate/';

describe('ViewStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens exactly the view a link names, whatever this device stored', () => {
    const stored = { ...defaultViewState(), theme: 'light' as const, model: { ...defaultViewState().model, resolution: 9 } };
    const browser = fakeEnvironment(`${BASE}?v=1&lang=zh-Hant&theme=dark&res=6&cat=tobacco`, { [VIEW_STORAGE_KEY]: JSON.stringify(stored) });
    const store = new ViewStore(browser.env);
    expect(store.view.locale).toBe('zh-Hant');
    expect(store.view.theme).toBe('dark');
    expect(store.view.model.resolution).toBe(6);
    expect(store.view.filters.categories).toEqual(['tobacco']);
    expect(store.notices).toEqual([]);
  });

  it('opens the last view of this device from a plain link, and the defaults in the browser language otherwise', () => {
    const stored = { ...defaultViewState(), theme: 'light' as const };
    expect(new ViewStore(fakeEnvironment(BASE, { [VIEW_STORAGE_KEY]: JSON.stringify(stored) }).env).view.theme).toBe('light');
    const fresh = new ViewStore(fakeEnvironment(BASE, {}, ['zh-HK', 'en']).env);
    expect(fresh.view).toEqual(defaultViewState('zh-Hant'));
    const legacy = new ViewStore(fakeEnvironment(BASE, { 'tidegate.preferences': '{"locale":"zh-Hans","theme":"light"}' }).env);
    expect([legacy.view.locale, legacy.view.theme]).toEqual(['zh-Hans', 'light']);
  });

  it('falls back to the defaults with a notice for a corrupt or null stored view, never failing', () => {
    for (const text of ['null', '{', '"x"', '{"version":1,"filters":null}', JSON.stringify({ version: 1, model: { resolution: 'x' } })]) {
      const store = new ViewStore(fakeEnvironment(BASE, { [VIEW_STORAGE_KEY]: text }).env);
      expect(store.notices.length).toBeGreaterThan(0);
      expect(store.view.model.resolution).toBe(7);
    }
  });

  it('writes the view into the URL, pushing deliberate changes and replacing continuous ones; Back and Forward restore', () => {
    const browser = fakeEnvironment(BASE);
    const store = new ViewStore(browser.env);
    expect(browser.entries()).toEqual([`${BASE}?v=1&lang=en&theme=dark`]);
    store.update((view) => void (view.filters.severityMin = 4));
    store.update((view) => void (view.camera = { lon: 113.9, lat: 22.3, zoom: 9 }), 'replace');
    store.update((view) => void (view.selection = { kind: 'site', id: 'lok_ma_chau_control_point' }));
    expect(browser.entries()).toEqual([
      `${BASE}?v=1&lang=en&theme=dark`,
      `${BASE}?v=1&lang=en&theme=dark&c=9/22.3/113.9&sev=4-5`,
      `${BASE}?v=1&lang=en&theme=dark&c=9/22.3/113.9&sev=4-5&sel=site:lok_ma_chau_control_point`,
    ]);
    browser.go(-1);
    expect(store.view.selection).toBeNull();
    expect(store.view.filters.severityMin).toBe(4);
    browser.go(-1);
    expect(store.view.filters.severityMin).toBe(1);
    browser.go(+2);
    expect(store.view.selection).toEqual({ kind: 'site', id: 'lok_ma_chau_control_point' });
  });

  it('keeps the identity of every part a change left alone, and records nothing for a change that changes nothing', () => {
    const browser = fakeEnvironment(BASE);
    const store = new ViewStore(browser.env);
    const before = store.view;
    store.update((view) => void (view.filters.categories = ['narcotics']));
    const after = store.view;
    expect(after).not.toBe(before);
    expect(after.filters).not.toBe(before.filters);
    expect(after.layers).toBe(before.layers);
    expect(after.model).toBe(before.model);
    expect(after.filters.kinds).toBe(before.filters.kinds);
    const entries = browser.entries();
    store.update((view) => void (view.layers.hotspots = after.layers.hotspots));
    store.update((view) => void (view.model.windowDays = after.model.windowDays), 'replace');
    expect(store.view).toBe(after);
    expect(browser.entries()).toEqual(entries);
    // Back: the restored view shares what it has in common with the one it replaces.
    browser.go(-1);
    expect(store.view.filters.categories).toBeNull();
    expect(store.view.layers).toBe(before.layers);
  });

  it('keeps the last view on the device, once changes settle', () => {
    const browser = fakeEnvironment(BASE);
    const store = new ViewStore(browser.env);
    store.update((view) => void (view.model.halfLifeDays = 14));
    expect(browser.storage.get(VIEW_STORAGE_KEY)).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(browser.storage.get(VIEW_STORAGE_KEY)!).model.halfLifeDays).toBe(14);
  });

  it('refuses a bad value a caller writes, keeping the previous one', () => {
    const store = new ViewStore(fakeEnvironment(BASE).env);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    store.update((view) => void (view.model.windowDays = Number.NaN));
    expect(store.view.model.windowDays).toBe(30);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
