import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from './parseFeedText.ts';
import { MAX_SOURCE_LENGTH, readSourceCode } from './readSourceCode.ts';

const CODE = /^[A-Z0-9&._-]{1,64}$/;

describe('readSourceCode', () => {
  it('folds full-width and case: ＧＤ, gd and GD are one agency', () => {
    for (const text of ['GD', 'gd', 'Gd', 'ＧＤ', 'ｇｄ']) expect(readSourceCode(text)).toEqual({ code: 'GD' });
    expect(readSourceCode('C&ED')).toEqual({ code: 'C&ED' });
    expect(readSourceCode('gacc-gd')).toEqual({ code: 'GACC-GD' });
    expect(readSourceCode('SA-Macau_1.2')).toEqual({ code: 'SA-MACAU_1.2' });
  });

  it.each([
    ['GD + zero-width space', 'GD\u200B', 'invisible character (U+200B)'],
    ['zero-width joiner inside', 'G\u200DD', 'invisible character (U+200D)'],
    ['soft hyphen', 'G\u00ADD', 'invisible character (U+00AD)'],
    ['BOM inside', 'G\uFEFFD', 'invisible character (U+FEFF)'],
    ['variation selector', 'GD\uFE0F', 'invisible character (U+FE0F)'],
    ['tag character', 'GD\u{E0041}', 'invisible character (U+E0041)'],
    ['word joiner', 'G\u2060D', 'invisible character (U+2060)'],
    ['RLO + DG', '\u202EDG', 'bidirectional control character (U+202E)'],
    ['LRO', '\u202DGD', 'bidirectional control character (U+202D)'],
    ['RLI … PDI', '\u2067GD\u2069', 'bidirectional control character (U+2067)'],
    ['ALM', 'GD\u061C', 'bidirectional control character (U+061C)'],
    ['RLM', 'GD\u200F', 'bidirectional control character (U+200F)'],
    ['a control character', 'G\u0001D', 'control character (U+0001)'],
    ['Cyrillic С and Greek Ο look-alikes', 'СUSTΟMS', 'other than the letters A–Z'],
    ['Chinese name', '拱北海关', 'other than the letters A–Z'],
    ['a space inside', 'HK CED', 'other than the letters A–Z'],
    ['dotless i, which upper-cases to I', 'hkcıd', 'other than the letters A–Z'],
    ['a colon', 'HK:CED', "must not contain ':'"],
    ['a full-width semicolon, NFKC ;', 'HK；CED', "must not contain ':' or ';'"],
    ['a lone surrogate', 'GD\uD800', 'other than the letters A–Z'],
  ])('refuses %s', (_name, text, reason) => {
    const reading = readSourceCode(text);
    expect(reading.code).toBeUndefined();
    expect(reading.problem).toContain(reason);
    // Invisible and bidirectional characters never reach a reason raw.
    expect(reading.problem).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/u);
  });

  it('limits the length after NFKC', () => {
    expect(readSourceCode('A'.repeat(MAX_SOURCE_LENGTH))).toEqual({ code: 'A'.repeat(MAX_SOURCE_LENGTH) });
    expect(readSourceCode('A'.repeat(MAX_SOURCE_LENGTH + 1)).problem).toContain(`longer than ${MAX_SOURCE_LENGTH}`);
    // The ligature ﬀ is one character, and two (ff) under NFKC.
    expect(readSourceCode(`${'A'.repeat(MAX_SOURCE_LENGTH - 1)}ﬀ`).problem).toContain(`longer than ${MAX_SOURCE_LENGTH}`);
    expect(readSourceCode(`${'A'.repeat(MAX_SOURCE_LENGTH - 2)}ﬀ`)).toEqual({ code: `${'A'.repeat(MAX_SOURCE_LENGTH - 2)}FF` });
  });

  it('gives a code of the documented alphabet, stable under a second reading, or a problem, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('G', 'd', 'Ｇ', 'ｄ', '-', '&', '\u200B', '\u202E', 'С', 'ℂ', '①', 'ﬀ', '㍿', '.', ':'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const reading = readSourceCode(t);
        if (reading.code === undefined) {
          expect(reading.problem.length).toBeGreaterThan(0);
          return;
        }
        expect(reading.code).toMatch(CODE);
        expect(reading.code).toBe(reading.code.normalize('NFKC'));
        expect(readSourceCode(reading.code)).toEqual({ code: reading.code });
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});

describe('source codes in feeds', () => {
  it('GD, GD+ZWSP, RLO+DG and ＧＤ become one agency and two rejections, not four agencies', () => {
    const sources = ['GD', 'GD\u200B', '\u202EDG', 'ＧＤ'];
    const lines = sources.map((source, k) => JSON.stringify({ id: `R${k}`, source, time: '2026-03-01 10:00', lon: 113.5, lat: 22.5, category: 'other' }));
    const batch = parseFeedText(lines.join('\n'), { format: 'ndjson', locateReference: () => null });
    expect(new Set(batch.records.map((r) => r.source))).toEqual(new Set(['GD']));
    expect(batch.records.map((r) => r.id)).toEqual(['R0', 'R3']);
    expect(batch.rejections.map((r) => [r.location, r.field])).toEqual([
      [{ line: 2 }, 'source'],
      [{ line: 3 }, 'source'],
    ]);
  });

  it('reads the same rule in CSV, on the fast path as on the general one', () => {
    const csv = 'id,source,time,lon,lat,category\nA,ｇｄ,2026-03-01 10:00,113.5,22.5,other\nB,gd,2026-03-01 10:00,113.5,22.5,other\nC,G\u200BD,2026-03-01 10:00,113.5,22.5,other\n';
    const batch = parseFeedText(csv, { format: 'csv', locateReference: () => null });
    expect(batch.records.map((r) => r.source)).toEqual(['GD', 'GD']);
    expect(batch.rejections).toEqual([{ location: { line: 4 }, field: 'source', reason: expect.stringContaining('invisible character (U+200B)') }]);
  });

  it('refuses an unusable feed-level source as a whole', () => {
    expect(() => parseFeedText('{}', { format: 'ndjson', feedSource: 'G\u200BD', locateReference: () => null })).toThrow(/Feed source: .*invisible/);
    const batch = parseFeedText(JSON.stringify({ id: 'x', time: '2026-03-01 10:00', lon: 113.5, lat: 22.5, category: 'other' }), {
      format: 'ndjson',
      feedSource: 'ｈｋｃｅｄ',
      locateReference: () => null,
    });
    expect(batch.records[0].source).toBe('HKCED');
  });

  it('normalises link sources by the same rule and keeps link ids as written', () => {
    const row = { id: 'R1', source: 'GD', time: '2026-03-01 10:00', lon: 113.5, lat: 22.5, category: 'other' };
    const links = parseFeedText(JSON.stringify({ ...row, links: 'ｇｄ：ＡＢ-1；hkced:x; G\u200BD:2 ;\u202EDG:3' }), { format: 'ndjson', locateReference: () => null });
    expect(links.records[0].links).toEqual(['GD:ＡＢ-1', 'HKCED:x']);
    expect(links.warnings.map((w) => [w.field, w.original])).toEqual([
      ['links', 'G\u200BD:2'],
      ['links', '\u202EDG:3'],
    ]);
    expect(links.warnings[0].message).toContain('invisible character (U+200B)');
    expect(links.warnings[1].message).toContain('bidirectional control character (U+202E)');
  });
});
