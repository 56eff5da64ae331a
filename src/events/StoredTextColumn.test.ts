import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTextColumn, restoreTextColumn, storeTextColumn, type StoredTextColumn } from './StoredTextColumn.ts';

function store(values: readonly string[], dictionary: boolean): StoredTextColumn {
  return storeTextColumn(values, { dictionary });
}

const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary', maxLength: 4 }));

function roundTrip(values: string[], dictionary: boolean): string[] {
  const stored = structuredClone(store(values, dictionary));
  checkTextColumn(stored, values.length);
  return restoreTextColumn(stored);
}

describe('StoredTextColumn', () => {
  it('restores any column, repeated or varied, with or without a dictionary', () => {
    const column = fc.oneof(
      fc.array(anyText),
      fc.array(fc.constantFrom('Misdeclared goods', '伪报为铝锭的镓锭', '', '\ud800 lone'), { maxLength: 60 }),
    );
    fc.assert(
      fc.property(column, fc.boolean(), (values, dictionary) => {
        expect(roundTrip(values, dictionary)).toEqual(values);
      }),
    );
  });

  it('uses a dictionary only where asked and where rows repeat', () => {
    const templated = Array.from({ length: 1000 }, (_, row) => `Cigarettes in luggage, ${row % 40} cartons`);
    const stored = store(templated, true);
    expect(stored.encoding).toBe('dictionary');
    if (stored.encoding !== 'dictionary') return;
    expect(stored.codes).toBeInstanceOf(Uint8Array);
    expect(stored.values.text.lengths.length).toBe(40);
    expect(store(templated, false).encoding).toBe('utf8');
    const varied = Array.from({ length: 1000 }, (_, row) => `MOCS-${row}`);
    expect(store(varied, true).encoding).toBe('utf8');
  });

  it('tells apart rows whose hashes collide', () => {
    // 'desc-42vu' and 'desc-fuea' have the same 32-bit hash in the dictionary's lookup.
    const values = Array.from({ length: 40 }, (_, row) => ['desc-42vu', 'desc-fuea', 'other'][row % 3]);
    const stored = store(values, true);
    expect(stored.encoding).toBe('dictionary');
    if (stored.encoding === 'dictionary') expect(stored.values.text.lengths.length).toBe(3);
    expect(roundTrip(values, true)).toEqual(values);
  });

  it('falls back to the row split for text UTF-8 cannot carry', () => {
    const values = ['ok', 'half \udfff', '關閘'];
    expect(store(values, false).encoding).toBe('split');
    expect(roundTrip(values, false)).toEqual(values);
    const repeated = Array.from({ length: 30 }, (_, row) => values[row % 3]);
    const stored = store(repeated, true);
    expect(stored.encoding === 'dictionary' && stored.values.encoding).toBe('split');
    expect(roundTrip(repeated, true)).toEqual(repeated);
  });

  it('tells apart long values that differ only in their middle', () => {
    const values = Array.from({ length: 12 }, (_, k) => `AAAAAAAA${String(k).padStart(8, '0')}BBBBBBBBxxxxxxxxCCCCCCCC`);
    const rows = Array.from({ length: 120 }, (_, row) => values[row % 12]);
    const stored = store(rows, true);
    expect(stored.encoding).toBe('dictionary');
    if (stored.encoding === 'dictionary') expect(stored.values.text.lengths.length).toBeGreaterThanOrEqual(12);
    expect(roundTrip(rows, true)).toEqual(rows);
  });

  it('refuses codes beyond the dictionary, a wrong row count or an unknown encoding', () => {
    const stored = store(['a', 'b', 'a', 'a'], true);
    expect(stored.encoding).toBe('dictionary');
    const bad = { ...stored, codes: Uint8Array.of(0, 1, 2, 0) } as StoredTextColumn;
    expect(() => checkTextColumn(bad, 4)).toThrow(/Corrupt text column codes/);
    expect(() => checkTextColumn(stored, 3)).toThrow(/row count/);
    expect(() => checkTextColumn({ encoding: 'zip' } as never, 1)).toThrow(/unknown encoding zip/);
  });
});
