import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreViewState } from '../view/restoreViewState.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { bundlePrintViews } from './bundlePrintViews.ts';

const fingerprintArbitrary = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('bundlePrintViews', () => {
  it('prints every step in order with its note, as the briefing shows it, in the viewer\'s language and theme (random views)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ state: viewStateArbitrary.map((raw) => restoreViewState(raw).state), note: fc.string({ maxLength: 40 }) }), { maxLength: 5 }),
        viewStateArbitrary.map((raw) => restoreViewState(raw).state),
        fingerprintArbitrary,
        fc.option(fc.string({ maxLength: 20 }), { nil: null }),
        (steps, current, fingerprint, name) => {
          const print = bundlePrintViews({ steps, signer: { fingerprint, name, trusted: false } }, current);
          expect(print.views).toHaveLength(steps.length);
          print.views.forEach((item, i) => {
            expect(item.note).toBe(steps[i].note);
            expect(item.view).toEqual({ ...steps[i].state, locale: current.locale, theme: current.theme, mode: 'briefing' });
          });
        },
      ),
    );
  });

  it('names the signer by name and key, or by key alone', () => {
    const fingerprint = 'b07d473573c2c92921e49adc8183006888a941e496e17d5b31de68362bf3a79a';
    const signer = (name: string | null) => ({ fingerprint, name, trusted: true });
    const current = { locale: 'en', theme: 'dark' } as const;
    expect(bundlePrintViews({ steps: [], signer: signer('Duty officer Chan') }, current).creator).toBe('Duty officer Chan (b07d 4735 73c2 c929)');
    expect(bundlePrintViews({ steps: [], signer: signer('  ') }, current).creator).toBe('b07d 4735 73c2 c929');
    expect(bundlePrintViews({ steps: [], signer: signer(null) }, current).creator).toBe('b07d 4735 73c2 c929');
  });
});
