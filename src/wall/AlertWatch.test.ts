import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertKey, AlertWatch } from './AlertWatch.ts';

describe('AlertWatch', () => {
  it('finds the alerts a plain replay of every earlier answer calls new', () => {
    const observation = fc.record({
      gap: fc.integer({ min: 0, max: 40 }),
      view: fc.constantFrom('v1', 'v2', 'v3'),
      keys: fc.array(fc.constantFrom('cell:a', 'cell:b', 'site:LW', 'site:HZMB', 'cell:c'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(observation, { maxLength: 40 }), (forgetMs, observations) => {
        const watch = new AlertWatch(forgetMs);
        const history: { at: number; view: string; keys: string[] }[] = [];
        let now = 0;
        for (const { gap, view, keys } of observations) {
          now += gap;
          const recent = history.filter((entry) => entry.at >= now - forgetMs);
          const viewKnown = recent.some((entry) => entry.view === view);
          const expected = viewKnown ? [...new Set(keys)].filter((key) => !recent.some((entry) => entry.keys.includes(key))) : [];
          expect(watch.observe(keys, view, now)).toEqual(expected);
          history.push({ at: now, view, keys });
        }
        // Memory holds only what was seen within forgetMs of the last observation.
        const recent = history.filter((entry) => entry.at >= now - forgetMs);
        expect(watch.size).toBe(new Set(recent.flatMap((entry) => entry.keys)).size + new Set(recent.map((entry) => entry.view)).size);
      }),
      { numRuns: 500 },
    );
  });

  it('treats a view first answer as the baseline', () => {
    const watch = new AlertWatch(3_600_000);
    expect(watch.observe(['cell:a'], 'all', 0)).toEqual([]);
    expect(watch.observe(['cell:a', 'site:LW'], 'all', 1000)).toEqual(['site:LW']);
    expect(watch.observe(['cell:z'], 'narcotics', 2000)).toEqual([]);
    expect(alertKey({ target: 'cell', id: '88411c' })).toBe('cell:88411c');
  });
});
