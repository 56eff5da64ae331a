import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './CsvTokenizer.ts';
import { FeedReadError } from './FeedReadError.ts';

interface Row {
  cells: string[];
  line: number;
  problem: string | null;
}

function tokenize(pieces: string[], maxRowChars?: number): { rows: Row[]; delimiter: string | null } {
  const rows: Row[] = [];
  const tokenizer = new CsvTokenizer((cells, line, problem) => rows.push({ cells: cells.slice(), line, problem }), maxRowChars);
  for (const piece of pieces) tokenizer.push(piece);
  tokenizer.end();
  return { rows, delimiter: tokenizer.detectedDelimiter };
}

/** Every way of cutting `text` in two, plus one-character pieces. */
function splittings(text: string): string[][] {
  const out: string[][] = [[text], Array.from(text)];
  for (let k = 1; k < text.length; k++) out.push([text.slice(0, k), text.slice(k)]);
  return out;
}

describe('CsvTokenizer', () => {
  it('reads plain rows with LF, CRLF and lone CR', () => {
    const { rows } = tokenize(['a,b\n1,2\r\n3,4\r5,6']);
    expect(rows.map((r) => [r.cells, r.line])).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['3', '4'], 3],
      [['5', '6'], 4],
    ]);
  });

  it('handles quoted delimiters, doubled quotes and embedded line breaks with physical line numbers', () => {
    const text = 'id,text\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"three\r\nline\rbreaks"\n5,end\n';
    const { rows } = tokenize([text]);
    expect(rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [1, 'text'],
      [2, 'a, b'],
      [3, 'say "hi"'],
      [4, 'two\nlines'],
      [6, 'three\r\nline\rbreaks'],
      [9, 'end'],
    ]);
  });

  it('keeps empty fields, trailing delimiters and blank lines as rows', () => {
    const { rows } = tokenize(['a,b,c\n,,\n\n1,,\n""\n']);
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b', 'c'], ['', '', ''], [''], ['1', '', ''], ['']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is lenient with stray quotes', () => {
    const { rows } = tokenize(['a,b\nx"y,"q"z\n']);
    expect(rows[1].cells).toEqual(['x"y', 'qz']);
  });

  it.each([
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a,b;c\n', ','],
    ['"x;y;z",b,c\n', ','],
    ['single\n', ','],
    ['\n\n a;b \n1;2\n', ';'],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(tokenize([text]).delimiter).toBe(delimiter);
  });

  it('splits semicolon rows after detecting the delimiter', () => {
    const { rows } = tokenize(['id;v\n1;"a;b"\n']);
    expect(rows[1].cells).toEqual(['1', 'a;b']);
  });

  it('reports an unterminated quote at end of file', () => {
    const { rows } = tokenize(['a,b\n1,"open\nrest']);
    expect(rows[1]).toEqual({ cells: ['1', 'open\nrest'], line: 2, problem: expect.stringContaining('not closed') });
  });

  it('refuses a runaway row', () => {
    expect(() => tokenize(['a,b\n1,"', 'x'.repeat(200)], 100)).toThrow(FeedReadError);
  });

  it('gives the same rows however the text is split', () => {
    const text = 'id;text\r\n1;"a;\r\nb"\r\n2;"x""\r\ny"""\r3;plain\n\n4;"";\r\n5;end';
    const expected = tokenize([text]);
    for (const pieces of splittings(text)) expect(tokenize(pieces)).toEqual(expected);
  });
});

describe('CsvTokenizer span rows', () => {
  /** Rows as cells, with every row the span handler takes turned back into cells. */
  function tokenizeWithSpans(pieces: string[]): { rows: Row[]; spanRows: number } {
    const rows: Row[] = [];
    let spanRows = 0;
    const tokenizer = new CsvTokenizer(
      (cells, line, problem) => rows.push({ cells: cells.slice(), line, problem }),
      undefined,
      (row, line) => {
        spanRows++;
        const cells: string[] = [];
        for (let k = 0; k < row.count; k++) cells.push(row.cell(k));
        rows.push({ cells, line, problem: null });
      },
    );
    for (const piece of pieces) tokenizer.push(piece);
    tokenizer.end();
    return { rows, spanRows };
  }

  it('reports the same rows as the cell handler alone, however the text is split', () => {
    const char = fc.constantFrom(',', ';', '"', '"', '""', '\n', '\r\n', '\r', ' ', 'a', 'b', '1', '中', '😀');
    const text = fc.array(char, { maxLength: 80 }).map((chars) => `h1,h2,h3\n${chars.join('')}`);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (csv, cuts) => {
        const offsets = [...new Set(cuts.map((c) => c % (csv.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const at of [...offsets, csv.length]) {
          pieces.push(csv.slice(from, at));
          from = at;
        }
        expect(tokenizeWithSpans(pieces).rows).toEqual(tokenize([csv]).rows);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes single-line rows, quoted or not, as spans', () => {
    const { rows, spanRows } = tokenizeWithSpans(['id,text\r\n1,"a, b"\r\n2,"say ""hi""",x\n3,"two\nlines"\n4,"q"tail\n5,plain\n']);
    expect(rows.map((r) => r.cells)).toEqual([['id', 'text'], ['1', 'a, b'], ['2', 'say "hi"', 'x'], ['3', 'two\nlines'], ['4', 'qtail'], ['5', 'plain']]);
    expect(spanRows).toBe(4);
  });
});
