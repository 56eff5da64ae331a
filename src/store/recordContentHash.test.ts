import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { recordContentHash } from './recordContentHash.ts';
import { makeRecord } from './storeTestSupport.ts';

describe('recordContentHash', () => {
  it('is deterministic and ignores property order', () => {
    const record = makeRecord({ links: ['HKCED:9'], site: 'S1' });
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as unknown as FeedRecord;
    expect(recordContentHash(record)).toBe(recordContentHash(makeRecord({ links: ['HKCED:9'], site: 'S1' })));
    expect(recordContentHash(reordered)).toBe(recordContentHash(record));
  });

  it('returns a non-negative safe integer', () => {
    for (let i = 0; i < 200; i++) {
      const hash = recordContentHash(makeRecord({ id: `R${i}`, description: 'x'.repeat(i) }));
      expect(Number.isSafeInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
    }
  });

  it('changes when any single field changes', () => {
    const base = makeRecord();
    const variants: Partial<FeedRecord>[] = [
      { source: 'HKCED' },
      { id: 'R2' },
      { time: base.time + 1 },
      { updated: base.updated + 1 },
      { lon: 113.950001 },
      { lat: 22.500001 },
      { category: 'narcotics' },
      { kind: 'clue' },
      { severity: 4 },
      { grading: 'B3' },
      { grading: null },
      { valueCny: 12_001 },
      { valueCny: null },
      { mode: 'air' },
      { mode: null },
      { site: 'S1' },
      { channel: 'C1' },
      { links: ['GACC-GD:R9'] },
      { description: 'Cigarettes in a container.' },
    ];
    const seen = new Set([recordContentHash(base)]);
    for (const change of variants) seen.add(recordContentHash(makeRecord(change)));
    expect(seen.size).toBe(variants.length + 1);
  });

  it('keeps field boundaries apart', () => {
    expect(recordContentHash(makeRecord({ source: 'AB', id: 'C' }))).not.toBe(recordContentHash(makeRecord({ source: 'A', id: 'BC' })));
    expect(recordContentHash(makeRecord({ links: ['a;b'] }))).not.toBe(recordContentHash(makeRecord({ links: ['a', 'b'] })));
    expect(recordContentHash(makeRecord({ site: '' }))).not.toBe(recordContentHash(makeRecord({ site: null })));
    expect(recordContentHash(makeRecord({ links: [''] }))).not.toBe(recordContentHash(makeRecord({ links: [] })));
  });
});
