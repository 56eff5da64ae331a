import { CsvRowSpans } from './CsvRowSpans.ts';
import { MAX_ROW_CHARS } from './feedLimits.ts';
import { FeedReadError } from './FeedReadError.ts';

/**
 * Receives one CSV row. `cells` is reused for the next row, so copy what must outlive the call.
 * `line` is the 1-based physical line the row starts on; `problem` is set when the row is
 * malformed (an unterminated quote at end of file).
 */
export type CsvRowHandler = (cells: string[], line: number, problem: string | null) => void;

/**
 * Receives one well-formed single-line CSV row as field positions in the text (see CsvRowSpans),
 * reused for the next row. `line` is the row's physical line.
 */
export type CsvSpanHandler = (row: CsvRowSpans, line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;

/** Held-back text shorter than this is scanned again at every push. */
const RESCAN_MIN_CHARS = 64;

/** Result of parseRow when the buffer ends before the row does. */
const INCOMPLETE = -1;

/**
 * Streaming RFC 4180 tokenizer: quoted fields with embedded delimiters, doubled quotes and line
 * breaks; LF, CRLF or lone CR line ends; delimiter (comma, semicolon or tab) detected from the
 * header line. Text may be pushed in arbitrary pieces — a split row, quoted field or CRLF is
 * carried over to the next push. Rows are reported with the physical line they start on.
 *
 * Leniencies: a quote inside an unquoted field is literal, and text between a closing quote and
 * the next delimiter is appended to the field.
 *
 * Rows that sit on one line (quoted fields allowed, as long as nothing follows a closing quote)
 * are split with native searches; given a span handler, they are reported as positions in the
 * text, without a substring per field. Other rows take the character-by-character path and
 * always reach the cell handler.
 */
export class CsvTokenizer {
  private buffer = '';
  /** Physical line number of buffer[0]. */
  private line = 1;
  /** The previous push ended with a CR, so a leading LF completes that line break. */
  private skipLf = false;
  private delimiter = -1;
  private readonly cells: string[] = [];
  private readonly onRow: CsvRowHandler;
  private readonly onSpans: CsvSpanHandler | null;
  private readonly spans = new CsvRowSpans();
  private readonly maxRowChars: number;
  // Side results of parseRow, kept in fields to avoid allocating a result object per row.
  private rowLines = 0;
  private rowProblem: string | null = null;
  /** Where the row parseRow read ends, before its line break. */
  private rowEnd = 0;
  /** Length the held-back text must reach before push() scans it again (0: scan every push). */
  private rescanAt = 0;
  /** Next delimiter at or after the split position in the current scan's buffer (its length when none). */
  private nextDelimiter = -1;

  /**
   * @param onRow receives every row as cells, or only the rows `onSpans` cannot take when given.
   * @param maxRowChars longest row, without its line break (line breaks inside quotes count); a
   *   longer one throws FeedReadError `row-too-long` as soon as the text shows it.
   * @param onSpans receives single-line rows as positions in the text.
   */
  constructor(onRow: CsvRowHandler, maxRowChars: number = MAX_ROW_CHARS, onSpans: CsvSpanHandler | null = null) {
    this.onRow = onRow;
    this.maxRowChars = maxRowChars;
    this.onSpans = onSpans;
  }

  /** The detected delimiter, or null before the header line has been seen. */
  get detectedDelimiter(): string | null {
    return this.delimiter < 0 ? null : String.fromCharCode(this.delimiter);
  }

  /** Tokenizes `text`, reporting every row it completes. */
  push(text: string): void {
    if (this.buffer.length === 0) {
      this.buffer = text;
    } else {
      this.buffer += text;
      // A long row still open is read again only once the text held back has doubled (or passes
      // the limit): text pushed in small pieces is then scanned a bounded number of times.
      if (this.buffer.length < this.rescanAt) return;
    }
    this.scan(false);
  }

  /** Reports every row the text so far completes, even when a re-scan was deferred. */
  settle(): void {
    if (this.buffer.length > 0) this.scan(false);
  }

  /** Reports the final row, which may lack a line break. */
  end(): void {
    this.scan(true);
    this.buffer = '';
  }

  private scan(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      if (s.charCodeAt(0) === LF) i = 1;
      this.skipLf = false;
    }
    if (this.delimiter < 0 && !this.detectDelimiter(s, i, final)) {
      this.buffer = i === 0 ? s : s.slice(i);
      this.checkRowLength(pendingHeaderLength(this.buffer), this.line);
      this.deferRescan();
      return;
    }
    let line = this.line;
    const delimiter = String.fromCharCode(this.delimiter);
    const spans = this.spans;
    // Next positions of a quote, CR and delimiter at or after i (n when none). Each only moves
    // forward, so the native indexOf searches cost O(n) per buffer in total.
    let nextQuote = -1;
    let nextCr = -1;
    this.nextDelimiter = -1;
    while (i < n) {
      const lf = s.indexOf('\n', i);
      if (lf !== -1) {
        if (nextCr < i) nextCr = indexOrEnd(s, '\r', i);
        // Fast path: a row without lone CRs whose quoted fields close on its own line.
        if (nextCr >= lf - 1) {
          const end = nextCr === lf - 1 ? lf - 1 : lf;
          if (end - i > this.maxRowChars) this.checkRowLength(end - i, line);
          if (nextQuote < i) nextQuote = indexOrEnd(s, '"', i);
          if (nextQuote >= end ? this.splitPlain(s, i, end, delimiter) : this.splitQuoted(s, i, end, delimiter)) {
            if (this.onSpans !== null) {
              this.onSpans(spans, line);
            } else {
              const cells = this.cells;
              cells.length = 0;
              for (let k = 0; k < spans.count; k++) cells.push(spans.cell(k));
              this.onRow(cells, line, null);
            }
            line++;
            i = lf + 1;
            continue;
          }
        }
      }
      const next = this.parseRow(s, i, final);
      if (next === INCOMPLETE) break;
      this.checkRowLength(this.rowEnd - i, line);
      this.onRow(this.cells, line, this.rowProblem);
      line += this.rowLines;
      i = next;
    }
    this.line = line;
    this.buffer = i === 0 ? s : s.slice(i);
    // What is left is the start of one row (a row ending in CR is complete), so it is that long at least.
    this.checkRowLength(this.buffer.length, line);
    this.deferRescan();
  }

  /** After a scan that left text held back: short text is scanned again at the next push, long text once doubled. */
  private deferRescan(): void {
    const pending = this.buffer.length;
    this.rescanAt = pending < RESCAN_MIN_CHARS ? 0 : Math.min(2 * pending, this.maxRowChars + 1);
  }

  /** Splits s[from, end), which holds no quote, into this.spans. */
  private splitPlain(s: string, from: number, end: number, delimiter: string): true {
    const spans = this.spans;
    spans.reset(s);
    let nextDelimiter = this.nextDelimiter;
    for (;;) {
      if (nextDelimiter < from) nextDelimiter = indexOrEnd(s, delimiter, from);
      if (nextDelimiter >= end) break;
      spans.add(from, nextDelimiter);
      from = nextDelimiter + 1;
    }
    spans.add(from, end);
    this.nextDelimiter = nextDelimiter;
    return true;
  }

  /**
   * Splits s[from, end) into this.spans, quotes included, or returns false when a quoted field
   * runs past `end` (a line break inside quotes) or is followed by text before the delimiter:
   * parseRow then reads the row.
   */
  private splitQuoted(s: string, from: number, end: number, delimiter: string): boolean {
    const spans = this.spans;
    spans.reset(s);
    for (;;) {
      if (from < end && s.charCodeAt(from) === QUOTE) {
        const open = from + 1;
        let q = s.indexOf('"', open);
        if (q === -1 || q >= end) return false;
        if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) {
          let value = s.slice(open, q + 1);
          let j = q + 2;
          for (;;) {
            q = s.indexOf('"', j);
            if (q === -1 || q >= end) return false;
            if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            value += s.slice(j, q);
            break;
          }
          spans.addEscaped(open, q, value);
        } else {
          spans.add(open, q);
        }
        const after = q + 1;
        if (after >= end) return true;
        if (s.charCodeAt(after) !== this.delimiter) return false;
        from = after + 1;
        continue;
      }
      if (this.nextDelimiter < from) this.nextDelimiter = indexOrEnd(s, delimiter, from);
      const at = this.nextDelimiter;
      if (at >= end) {
        spans.add(from, end);
        return true;
      }
      spans.add(from, at);
      from = at + 1;
    }
  }

  private checkRowLength(pending: number, line: number): void {
    if (pending > this.maxRowChars) {
      throw new FeedReadError(
        'row-too-long',
        `The row starting on line ${line} is longer than ${this.maxRowChars} characters; is a quote left open?`,
      );
    }
  }

  /**
   * Picks the delimiter from the first non-blank line: whichever of comma, semicolon and tab
   * occurs most often outside quotes (comma on a tie or when none occurs). Returns false when
   * that line is not complete yet.
   */
  private detectDelimiter(s: string, from: number, final: boolean): boolean {
    let start = from;
    for (;;) {
      let end = firstLineBreak(s, start);
      if (end === -1) {
        if (!final) return false;
        end = s.length;
      }
      let blank = true;
      for (let k = start; k < end; k++) {
        const c = s.charCodeAt(k);
        if (c !== 32 && c !== TAB) {
          blank = false;
          break;
        }
      }
      if (!blank || end >= s.length) {
        let commas = 0;
        let semicolons = 0;
        let tabs = 0;
        let quoted = false;
        for (let k = start; k < end; k++) {
          const c = s.charCodeAt(k);
          if (c === QUOTE) quoted = !quoted;
          else if (quoted) continue;
          else if (c === COMMA) commas++;
          else if (c === SEMICOLON) semicolons++;
          else if (c === TAB) tabs++;
        }
        this.delimiter = semicolons > commas && semicolons >= tabs ? SEMICOLON : tabs > commas && tabs > semicolons ? TAB : COMMA;
        return true;
      }
      start = end + 1;
    }
  }

  /**
   * Parses the row starting at `i` into this.cells. Returns the index after its line break, or
   * INCOMPLETE when the buffer ends inside the row and more text may follow.
   */
  private parseRow(s: string, start: number, final: boolean): number {
    const n = s.length;
    const d = this.delimiter;
    const cells = this.cells;
    cells.length = 0;
    let lines = 1;
    let problem: string | null = null;
    let i = start;
    this.rowEnd = n;
    for (;;) {
      if (i < n && s.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q === -1) {
            if (!final) return INCOMPLETE;
            value += s.slice(j);
            lines += countLineBreaks(s, j, n);
            problem = 'a quoted field is not closed before the end of the file';
            i = n;
            break;
          }
          lines += countLineBreaks(s, j, q);
          if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          // A quote at the very end might be the first half of a doubled quote.
          if (q + 1 === n && !final) return INCOMPLETE;
          value += s.slice(j, q);
          i = q + 1;
          break;
        }
        const tail = i;
        while (i < n) {
          const c = s.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        cells.push(i === tail ? value : value + s.slice(tail, i));
      } else {
        const from = i;
        while (i < n) {
          const c = s.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        cells.push(i === from ? '' : s.slice(from, i));
      }
      if (i >= n) {
        if (!final) return INCOMPLETE;
        break;
      }
      const c = s.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      this.rowEnd = i;
      if (c === CR) {
        if (i + 1 < n) {
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
          if (!final) this.skipLf = true;
        }
      } else {
        i++;
      }
      break;
    }
    this.rowLines = lines;
    this.rowProblem = problem;
    return i;
  }
}

/** Index of the first LF or CR at or after `from`, or -1. */
function firstLineBreak(s: string, from: number): number {
  const lf = s.indexOf('\n', from);
  const cr = s.indexOf('\r', from);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * Length of the header row begun in `pending`, the text held back until the header line is
 * complete: what follows the last line break (the blank rows before it do not count).
 */
function pendingHeaderLength(pending: string): number {
  return pending.length - (Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r')) + 1);
}

/** Index of `char` in `s` at or after `from`, or s.length when absent. */
function indexOrEnd(s: string, char: string, from: number): number {
  const at = s.indexOf(char, from);
  return at === -1 ? s.length : at;
}

/** Line breaks in s[from, to): LF, CRLF (once) and lone CR each count one. */
function countLineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}
