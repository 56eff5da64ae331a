import { csvField, type CsvCell } from './csvField.ts';

/** A table to write as CSV: a header row, then rows exactly as wide as the header. */
export interface CsvTable {
  header: readonly string[];
  rows: Iterable<readonly CsvCell[]>;
}

/** Options of csvText() and csvPieces(). */
export interface CsvWriteOptions {
  /** Begin with a UTF-8 byte-order mark (U+FEFF): Excel reads non-ASCII text as UTF-8 only then. Default false. */
  bom?: boolean;
}

/** Options of csvPieces(). */
export interface CsvPieceOptions extends CsvWriteOptions {
  /** Rows per yielded piece (default 10,000). */
  rowsPerPiece?: number;
}

const CRLF = '\r\n';
const DEFAULT_ROWS_PER_PIECE = 10_000;

function csvRecord(cells: readonly CsvCell[], width: number, index: number): string {
  if (cells.length !== width) throw new RangeError(`CSV row ${index} has ${cells.length} cells; the header has ${width}`);
  let line = '';
  for (let c = 0; c < cells.length; c++) line += (c === 0 ? '' : ',') + csvField(cells[c]);
  return line + CRLF;
}

/**
 * The table as CSV text in pieces (the BOM and header first, then runs of `rowsPerPiece` rows),
 * so a large export can become a Blob or a stream without one giant string. Every CSV the app
 * writes goes through here: RFC 4180 (comma-separated, CRLF after every record including the
 * last, fields quoted only where needed), every text cell — header included — neutralised
 * against formula injection (csvField). Throws RangeError for a row wider or narrower than the
 * header, or a non-finite number.
 */
export function* csvPieces(table: CsvTable, options: CsvPieceOptions = {}): Generator<string, void, undefined> {
  const width = table.header.length;
  const rowsPerPiece = Math.max(1, options.rowsPerPiece ?? DEFAULT_ROWS_PER_PIECE);
  yield (options.bom === true ? '\uFEFF' : '') + csvRecord(table.header, width, 0);
  let piece = '';
  let inPiece = 0;
  let index = 0;
  for (const row of table.rows) {
    piece += csvRecord(row, width, ++index);
    if (++inPiece === rowsPerPiece) {
      yield piece;
      piece = '';
      inPiece = 0;
    }
  }
  if (inPiece > 0) yield piece;
}

/** The table as one CSV string; see csvPieces for the rules. */
export function csvText(table: CsvTable, options: CsvWriteOptions = {}): string {
  let text = '';
  for (const piece of csvPieces(table, options)) text += piece;
  return text;
}
