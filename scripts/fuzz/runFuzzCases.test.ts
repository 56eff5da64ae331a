import { describe, expect, it } from 'vitest';
import { FuzzCheckError, type FuzzTarget } from './FuzzTarget.ts';
import { FUZZ_TARGETS } from './fuzzTargets.ts';
import { caseRandom, runFuzzCases } from './runFuzzCases.ts';

describe('npm run fuzz, a short seeded run', () => {
  it.each(FUZZ_TARGETS.map((target) => [target.name, target] as const))('%s: 300 cases without a failure', async (_name, target) => {
    const { stats } = await runFuzzCases({ target, seed: 20_261_206, from: 0, to: 300, timeLimitMs: 30_000 });
    expect(stats.failures).toEqual([]);
    expect(stats.cases).toBe(300);
    // The generator reaches both sides: files read with rows, and refused files. A bundle is
    // signed end to end, so most damaged bundles are refused and only whole ones are read.
    if (target.name === 'bundle') {
      expect(stats.read).toBeGreaterThan(5);
      expect(stats.refused).toBeGreaterThan(200);
    } else {
      expect(stats.read).toBeGreaterThan(100);
      expect(stats.refused).toBeGreaterThan(10);
      expect(stats.rowsIn).toBeGreaterThan(1000);
    }
  }, 300_000);

  it('generates the same input for the same seed, target and index, and another for another index', () => {
    for (const target of FUZZ_TARGETS) {
      const a = target.generate(caseRandom(7, target.name, 42));
      const b = target.generate(caseRandom(7, target.name, 42));
      const c = target.generate(caseRandom(7, target.name, 43));
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    }
  });

  it('reports a throw as a crash, a failed check by its kind, a slow case as a hang, and carries on', async () => {
    let calls = 0;
    const target: FuzzTarget = {
      name: 'fake',
      generate: (random) => ({ fileName: 'x', bytes: new Uint8Array([random.int(0, 255)]), chunkBytes: 0 }),
      run: async () => {
        calls++;
        if (calls === 2) throw new TypeError('boom');
        if (calls === 3) throw new FuzzCheckError('count-rule', 'rows do not add up');
        if (calls === 4) await new Promise((resolve) => setTimeout(resolve, 1500));
        return { read: true, format: 'csv', rowsIn: 1, rejected: 0, warnings: 0 };
      },
    };
    const { stats } = await runFuzzCases({ target, seed: 1, from: 0, to: 6, timeLimitMs: 1000, skip: new Set([5]) });
    expect(stats.failures.map((f) => [f.index, f.kind])).toEqual([
      [1, 'crash'],
      [2, 'count-rule'],
      [3, 'hang'],
    ]);
    expect(stats.failures[0].message).toContain('TypeError: boom');
    expect(stats.cases).toBe(5);
    expect(stats.read).toBe(3);
  });
});
