import { describe, expect, it } from 'vitest';
import { buildRecordLookup } from './buildRecordLookup.ts';
import { computeLinks } from './computeLinks.ts';
import { jurisdictionBySource } from './jurisdictionBySource.ts';
import { chunkOf, GONGBEI, LOK_MA_CHAU, record, SITES, T } from './testFixtures.ts';
import { buildEventTable } from './buildEventTable.ts';

describe('jurisdictionBySource', () => {
  it('maps agencies by exact name or prefix, case-insensitively', () => {
    const of = jurisdictionBySource();
    expect(['GACC-GD', 'gacc', 'CN-GB', 'HKCED', 'C&ED', 'MOCS', 'SA', 'SA-MO', 'SAMR', 'INTERPOL'].map(of)).toEqual([
      'Mainland',
      'Mainland',
      'Mainland',
      'Hong Kong',
      'Hong Kong',
      'Macao',
      'Macao',
      'Macao',
      null,
      null,
    ]);
    expect(jurisdictionBySource([{ pattern: 'X*', jurisdiction: 'Macao' }])('XYZ')).toBe('Macao');
  });
});

describe('computeLinks', () => {
  const hk = { source: 'HKCED', lon: LOK_MA_CHAU[0], lat: LOK_MA_CHAU[1] };
  const first = chunkOf([
    record({ id: 'g1', source: 'GACC-GD', links: ['HKCED:h1', 'GACC-GD:g2', 'HKCED:missing'] }),
    record({ id: 'g2', source: 'GACC-GD', links: ['GACC-GD:g1'] }),
    record({ id: 'm1', source: 'MOCS', links: ['GACC-GD:g1', 'MOCS:m1', 'HKCED:h1'] }),
  ]);
  const second = chunkOf([
    record({ id: 'h1', ...hk, links: ['GACC-GD:g1', 'HKCED:missing', 'NOBODY:1'] }),
    record({ id: 'h2', ...hk, time: T - 1000, links: [] }),
    record({ id: 'u1', source: 'INTERPOL', lon: 113.7, lat: 22.0, links: ['HKCED:h2'] }),
    record({ id: 'u2', source: 'INTERPOL', site: 'macao_border_gate', links: ['HKCED:h2'] }),
  ]);
  const table = buildEventTable([{ chunk: first }, { chunk: second }], { sites: SITES, siteRadiusKm: 0.1 });
  const result = computeLinks(table, buildRecordLookup(table), jurisdictionBySource());

  it('pairs records across jurisdictions once, with both positions', () => {
    const pairs = Array.from(result.rowA, (a, k) => [a, result.rowB[k]]);
    // g1→h1, m1→g1, m1→h1, u2→h2 (u2 is Macao through its single-territory site).
    expect(pairs).toEqual([
      [0, 3],
      [2, 0],
      [2, 3],
      [6, 4],
    ]);
    expect(result.count).toBe(4);
    expect(Array.from(result.from.subarray(0, 2))).toEqual([Math.fround(GONGBEI[0]), Math.fround(GONGBEI[1])]);
    expect(Array.from(result.to.subarray(0, 2))).toEqual([Math.fround(LOK_MA_CHAU[0]), Math.fround(LOK_MA_CHAU[1])]);
    const names = (codes: Uint8Array): string[] => Array.from(codes, (c) => result.jurisdictions[c]);
    expect(names(result.jurisdictionA)).toEqual(['Mainland', 'Macao', 'Macao', 'Macao']);
    expect(names(result.jurisdictionB)).toEqual(['Hong Kong', 'Mainland', 'Hong Kong', 'Hong Kong']);
  });

  it('counts pairs per pair of jurisdictions, within ones included', () => {
    expect(result.pairCounts).toEqual([
      { a: 'Hong Kong', b: 'Macao', count: 2 },
      { a: 'Hong Kong', b: 'Mainland', count: 1 },
      { a: 'Macao', b: 'Mainland', count: 1 },
      { a: 'Mainland', b: 'Mainland', count: 1 },
    ]);
  });

  it('accounts for every link reference', () => {
    expect(result.totals).toEqual({
      references: 12,
      unresolved: 3,
      selfLinks: 1,
      duplicates: 2,
      crossBorder: 4,
      withinJurisdiction: 1,
      unknownJurisdiction: 1,
    });
    const t = result.totals;
    expect(t.unresolved + t.selfLinks + t.duplicates + t.crossBorder + t.withinJurisdiction + t.unknownJurisdiction).toBe(
      t.references,
    );
    expect(result.unresolvedKeys).toEqual(['HKCED:missing', 'NOBODY:1']);
  });
});
