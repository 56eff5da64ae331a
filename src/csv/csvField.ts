import { neutraliseFormula } from './neutraliseFormula.ts';

/**
 * One cell of a CSV table: text (from a feed, a file name, a label — anything), a number the app
 * computed, or null for an empty cell.
 */
export type CsvCell = string | number | null;

/** A field needs quotes when it holds the delimiter, a quote or a line break (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as an RFC 4180 field.
 * - Text is neutralised first (neutraliseFormula: a `'` before formula-like text), then quoted,
 *   with quotes doubled, when it holds a comma, quote, CR or LF.
 * - A number is written in JavaScript's shortest round-trip form (`-3.5`, `1e-7`) and never
 *   prefixed: it is a number literal a spreadsheet reads as that number, and a `'` would turn a
 *   numeric column into text. Only a `number` gets this; numeric-looking text such as `-2+3` or
 *   `-3.5` from a feed is text and is neutralised.
 * - null is an empty field.
 * Throws RangeError for NaN or ±Infinity, which have no CSV number form.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV number cell must be finite, got ${cell}`);
    return String(cell);
  }
  const text = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
