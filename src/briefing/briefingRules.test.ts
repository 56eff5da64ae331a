import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import { briefingStepIndex, frozenView, presentedView } from './briefingSteps.ts';
import { bundleFileName, defaultBundleBaseName } from './bundleFileName.ts';
import { passphraseBits, passphraseProblem, passphraseStrength } from './passphraseStrength.ts';
import { cleanViewName, movedViewIds, nextViewPosition, orderSavedViews } from './savedViewOrder.ts';

describe('saved view order', () => {
  it('moves one id by delta places, held inside the list, keeping every other id in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 12 }), fc.nat(), fc.integer({ min: -20, max: 20 }), (ids, pick, delta) => {
        if (ids.length === 0) return;
        const id = ids[pick % ids.length];
        const moved = movedViewIds(ids, id, delta);
        const plain = ids.filter((other) => other !== id);
        const to = Math.min(ids.length - 1, Math.max(0, ids.indexOf(id) + delta));
        expect(moved).toEqual([...plain.slice(0, to), id, ...plain.slice(to)]);
        expect(movedViewIds(ids, '\u0000absent', delta)).toEqual(ids);
      }),
    );
  });

  it('orders by position, then views without one oldest first, then by id; the next position is one past the largest', () => {
    const views = [
      { id: 'c', updatedAt: 5 },
      { id: 'b', updatedAt: 1, position: 2 },
      { id: 'a', updatedAt: 9, position: 0 },
      { id: 'd', updatedAt: 3 },
      { id: 'e', updatedAt: 3 },
    ];
    expect(orderSavedViews(views).map((view) => view.id)).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(nextViewPosition(views)).toBe(3);
    expect(nextViewPosition([])).toBe(0);
  });

  it('cleans names: white space folded and trimmed, empty refused, long cut', () => {
    expect(cleanViewName('  Lo  Wu\n night ')).toBe('Lo Wu night');
    expect(cleanViewName(' \t ')).toBeNull();
    expect([...cleanViewName('港'.repeat(500))!].length).toBe(120);
  });
});

describe('briefing steps', () => {
  it('stays inside the sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -60, max: 60 }), fc.integer({ min: 0, max: 50 }), (index, delta, count) => {
        const next = briefingStepIndex(Math.min(index, Math.max(0, count - 1)), delta, count);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThanOrEqual(Math.max(0, count - 1));
        if (count > 0) expect(next).toBe(Math.min(count - 1, Math.max(0, Math.min(index, count - 1) + delta)));
      }),
    );
  });

  it('shows a view in the viewer\'s language and theme, and a carried view frozen at the export\'s T; both restore unchanged', () => {
    fc.assert(
      fc.property(viewStateArbitrary, viewStateArbitrary, fc.integer({ min: 0, max: 7_258_118_400_000 }), (saved, current, at) => {
        const shown = presentedView(saved, current, 'briefing');
        expect({ ...shown, locale: saved.locale, theme: saved.theme, mode: saved.mode }).toEqual(saved);
        expect([shown.locale, shown.theme, shown.mode]).toEqual([current.locale, current.theme, 'briefing']);
        expect(restoreViewState(shown).state).toEqual(shown);
        const frozen = frozenView(saved, at);
        expect(frozen.model.at).toBe(saved.model.at ?? at);
        expect(frozen.mode).toBe('board');
        expect(restoreViewState(frozen).state).toEqual(frozen);
      }),
    );
  });
});

describe('bundle file names', () => {
  it('keeps any script, drops what file systems refuse, adds the extension once, falls back to the default', () => {
    const at = Date.UTC(2026, 10, 20, 4, 0);
    expect(defaultBundleBaseName(at)).toBe('tidegate-briefing-2026-11-20T1200+0800');
    expect(bundleFileName('深圳湾 简报', at)).toBe('深圳湾-简报.tidegate');
    expect(bundleFileName('a/b:c*?.tidegate', at)).toBe('a-b-c.tidegate');
    expect(bundleFileName(' ../.. ', at)).toBe('tidegate-briefing-2026-11-20T1200+0800.tidegate');
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (typed) => {
        const name = bundleFileName(typed, at);
        expect(name.endsWith('.tidegate')).toBe(true);
        expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(name).not.toContain('..');
      }),
    );
  });
});

describe('passphrase hints', () => {
  it('grows with length and alphabet, and says when the confirmation differs', () => {
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('abc123')).toBe('weak');
    expect(passphraseStrength('horsebattery')).toBe('fair');
    expect(passphraseStrength('Correct horse battery staple 42!')).toBe('strong');
    expect(passphraseBits('aaaaaaaaaa')).toBeLessThan(passphraseBits('abcdefghij'));
    expect(passphraseProblem('x', 'y')).toBe('mismatch');
    expect(passphraseProblem('', '')).toBeNull();
    // The same words composed or decomposed are one passphrase (the key is derived from NFC).
    expect(passphraseProblem('caf\u00e9', 'cafe\u0301')).toBeNull();
  });
});
