import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvCell } from './csvField.ts';
import { FORMULA_PAYLOADS, FORMULA_STARTERS, readStrictCsv, referenceFormulaLike, SAFE_TEXT } from './csvTestSupport.ts';
import { csvPieces, csvText, type CsvTable } from './csvText.ts';

/** What a reader must get back for a cell: text with a `'` exactly when it is formula-like, numbers as written. */
function expectedCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return referenceFormulaLike(cell) ? `'${cell}` : cell;
}

const cellText = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.array(fc.constantFrom(...FORMULA_STARTERS, '\t', '\r', '\n', ' ', '\u200b', '\u3000', '"', ',', "'", 'a', '1', '|', '!'), { maxLength: 6 }).map((units) => units.join('')),
  fc.constantFrom(...FORMULA_PAYLOADS),
);
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  { weight: 4, arbitrary: cellText },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const table: fc.Arbitrary<{ header: string[]; rows: CsvCell[][] }> = fc
  .integer({ min: 1, max: 5 })
  .chain((width) =>
    fc.record({
      header: fc.array(cellText, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
    }),
  );

describe('csvText', () => {
  it('neutralises every payload, in the header and in cells, and a reader gets each back with one leading quote', () => {
    const rows = FORMULA_PAYLOADS.map((payload) => [payload, `file ${payload}`]);
    const text = csvText({ header: [FORMULA_PAYLOADS[0], 'name'], rows });
    const records = readStrictCsv(text);
    expect(records[0]).toEqual([`'${FORMULA_PAYLOADS[0]}`, 'name']);
    expect(records.slice(1)).toEqual(FORMULA_PAYLOADS.map((payload) => [`'${payload}`, `file ${payload}`]));
    // No field of the written text begins with a trigger character, quoted or not.
    for (const record of records) for (const field of record) expect(referenceFormulaLike(field)).toBe(false);
  });

  it('writes safe text unchanged, quoting only fields with a comma, quote or line break', () => {
    expect(csvText({ header: ['a', 'b'], rows: SAFE_TEXT.map((text) => [text, 'x']) })).toBe(
      'a,b\r\n' + SAFE_TEXT.map((text) => `${/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text},x\r\n`).join(''),
    );
    expect(csvText({ header: ['q'], rows: [['say "hi"'], ['two\nlines'], ['a\rb']] })).toBe('q\r\n"say ""hi"""\r\n"two\nlines"\r\n"a\rb"\r\n');
  });

  it('writes numbers we computed as plain numbers, negative ones unprefixed, and null as an empty field', () => {
    expect(csvText({ header: ['n', 'text', 'empty'], rows: [[-3.5, '-3.5', null], [0, '0', null], [-1e-7, -0, 1e21]] })).toBe(
      "n,text,empty\r\n-3.5,'-3.5,\r\n0,0,\r\n-1e-7,0,1e+21\r\n",
    );
  });

  it('refuses a ragged row and a non-finite number', () => {
    expect(() => csvText({ header: ['a', 'b'], rows: [['1', '2'], ['3']] })).toThrow('CSV row 2 has 1 cells; the header has 2');
    expect(() => csvText({ header: ['a'], rows: [[Number.NaN]] })).toThrow(RangeError);
    expect(() => csvText({ header: ['a'], rows: [[-Infinity]] })).toThrow(RangeError);
  });

  it('puts a byte-order mark first only on request', () => {
    expect(csvText({ header: ['a'], rows: [] }, { bom: true })).toBe('\uFEFFa\r\n');
    expect(csvText({ header: ['a'], rows: [] })).toBe('a\r\n');
  });

  it('round-trips any table through a strict RFC 4180 reader, neutralised exactly where a cell is formula-like', () => {
    fc.assert(
      fc.property(table, fc.boolean(), ({ header, rows }, bom) => {
        let text = csvText({ header, rows }, { bom });
        if (bom) {
          expect(text.startsWith('\uFEFF')).toBe(true);
          text = text.slice(1);
        }
        const records = readStrictCsv(text);
        expect(records).toEqual([header.map(expectedCell), ...rows.map((row) => row.map(expectedCell))]);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'number') expect(Number(records[r + 1][c])).toBe(value === 0 ? 0 : value);
          }),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('yields the same text in pieces of any size, reading the rows once', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 4 }), fc.boolean(), ({ header, rows }, rowsPerPiece, bom) => {
        let reads = 0;
        function* counting(): Generator<CsvCell[]> {
          for (const row of rows) {
            reads++;
            yield row;
          }
        }
        const counted: CsvTable = { header, rows: counting() };
        const pieces = [...csvPieces(counted, { rowsPerPiece, bom })];
        expect(pieces.join('')).toBe(csvText({ header, rows }, { bom }));
        expect(pieces).toHaveLength(1 + Math.ceil(rows.length / rowsPerPiece));
        expect(reads).toBe(rows.length);
      }),
      { numRuns: 500 },
    );
  });
});
