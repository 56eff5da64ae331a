import fc from 'fast-check';
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
      { handling: 'H1' },
      { handling: 'H5' },
      { handling: 'unrecognised' },
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

/**
 * The original, straightforward serialisation. Hashes are stored with the chunks, so any faster
 * implementation must give exactly these values.
 */
function referenceHash(record: FeedRecord): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const unit = (value: number) => {
    a = Math.imul(a ^ value, 0x01000193);
    b = Math.imul(b ^ value, 0x5bd1e995);
    b ^= b >>> 13;
  };
  const word = (value: number) => {
    unit(value & 0xffff);
    unit(value >>> 16);
  };
  const text = (value: string) => {
    word(value.length);
    for (let i = 0; i < value.length; i++) unit(value.charCodeAt(i));
  };
  const words = new Uint32Array(new Float64Array(1).buffer);
  const num = (value: number) => {
    new Float64Array(words.buffer)[0] = value;
    word(words[0]);
    word(words[1]);
  };
  const optionalText = (value: string | null) => {
    unit(value === null ? 0 : 1);
    if (value !== null) text(value);
  };
  text(record.source);
  text(record.id);
  num(record.time);
  num(record.updated);
  num(record.lon);
  num(record.lat);
  text(record.category);
  text(record.kind);
  num(record.severity);
  optionalText(record.grading);
  unit(record.valueCny === null ? 0 : 1);
  if (record.valueCny !== null) num(record.valueCny);
  optionalText(record.mode);
  optionalText(record.site);
  optionalText(record.channel);
  word(record.links.length);
  for (const link of record.links) text(link);
  text(record.description);
  if (record.handling !== undefined) {
    unit(0x48);
    text(record.handling);
  }
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (b >>> 11) * 4294967296 + (a >>> 0);
}

/** recordContentHash(makeRecord()) as computed before handling codes existed. */
const HASH_OF_DEFAULT_RECORD = 1365021378685341;

describe('recordContentHash values', () => {
  it('equals the reference serialisation on arbitrary records', () => {
    const optional = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: null });
    const record = fc.record({
      source: fc.string({ maxLength: 12 }),
      id: fc.string({ maxLength: 40, unit: 'binary' }),
      time: fc.double(),
      updated: fc.double(),
      lon: fc.double(),
      lat: fc.double(),
      category: fc.constantFrom('tobacco', 'narcotics', 'other'),
      kind: fc.constantFrom('seizure', 'clue'),
      severity: fc.integer({ min: 1, max: 5 }),
      grading: optional(fc.constantFrom('A1', 'F6')),
      valueCny: fc.option(fc.double(), { nil: null }),
      mode: optional(fc.constantFrom('sea', 'air')),
      site: optional(fc.string({ maxLength: 20 })),
      channel: optional(fc.string({ maxLength: 20 })),
      links: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
      description: fc.string({ maxLength: 120, unit: 'grapheme' }),
      handling: fc.constantFrom('H1', 'H3', 'H5', 'unrecognised'),
    }, { requiredKeys: ['source', 'id', 'time', 'updated', 'lon', 'lat', 'category', 'kind', 'severity', 'grading', 'valueCny', 'mode', 'site', 'channel', 'links', 'description'] }) as fc.Arbitrary<FeedRecord>;
    fc.assert(
      fc.property(record, (r) => {
        expect(recordContentHash(r)).toBe(referenceHash(r));
      }),
      { numRuns: 5000 },
    );
    expect(recordContentHash(makeRecord())).toBe(referenceHash(makeRecord()));
  });

  it('gives a record without a handling code the hash it had before the field existed', () => {
    // Computed before handling codes were added; stored hashes must keep matching.
    expect(recordContentHash(makeRecord())).toBe(HASH_OF_DEFAULT_RECORD);
    expect(recordContentHash(makeRecord({ handling: 'H1' }))).not.toBe(HASH_OF_DEFAULT_RECORD);
  });
});
