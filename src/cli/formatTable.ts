import { escapeControlCharacters } from './escapeControlCharacters.ts';

/** Layout of a text table. */
export interface TableOptions {
  /** Per column; numbers read best right-aligned. Default left. */
  align?: readonly ('left' | 'right')[];
  /** Prefix of every line (default none). */
  indent?: string;
}

/** Full-width and wide ranges (CJK, Hangul, full-width forms) that take two terminal columns. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** Terminal columns `text` occupies: two per wide (CJK) character, one per other character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    width += WIDE_RANGES.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

/**
 * A plain-text table: a header line, then one line per row, columns separated by two spaces and
 * padded to their widest cell (CJK counted double). Every cell is passed through
 * escapeControlCharacters, so a value's line breaks, tabs, terminal escapes and bidi controls
 * show as escapes and cannot break or disguise the table. The last column is not padded, so lines
 * carry no trailing blanks. Ends with a newline.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const all = [headers, ...rows].map((row) => row.map((cell) => escapeControlCharacters(cell)));
  const widths = headers.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c] ?? ''))));
  const indent = options.indent ?? '';
  const lines = all.map((row) => {
    const cells = headers.map((_, c) => {
      const text = row[c] ?? '';
      const pad = ' '.repeat(widths[c] - displayWidth(text));
      if (options.align?.[c] === 'right') return pad + text;
      return c === headers.length - 1 ? text : text + pad;
    });
    return indent + cells.join('  ');
  });
  return lines.join('\n') + '\n';
}
