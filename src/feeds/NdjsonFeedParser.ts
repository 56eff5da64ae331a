import type { FeedBatch } from './FeedBatch.ts';
import { MAX_ROW_CHARS } from './feedLimits.ts';
import { FeedReadError } from './FeedReadError.ts';
import type { RowNormalizer } from './RowNormalizer.ts';
import { SLOT_COUNT } from './rowSlots.ts';
import { isJsonObject, JsonRowSpreader } from './JsonRowSpreader.ts';
import type { TextFeedParser } from './TextFeedParser.ts';

const CR = 13;

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0x1e) return false;
  }
  return true;
}

function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 120 ? `${message.slice(0, 117)}…` : message;
}

/**
 * NDJSON (one JSON object per line; also GeoJSON text sequences, whose lines are Features and may
 * start with an RS character). Blank lines are skipped and not counted. The first non-blank line
 * must be a JSON object, or the file is refused as not NDJSON; later lines that are not JSON
 * objects are rejected one by one.
 *
 * A line longer than MAX_ROW_CHARS (without its LF or CRLF) is rejected without being parsed, and
 * never buffered whole: once the pending text passes the limit it is dropped up to the next line
 * break. Before any JSON object has been read such a line refuses the file (`row-too-long`), as
 * nothing yet shows the file is NDJSON.
 */
export class NdjsonFeedParser implements TextFeedParser {
  private readonly normalizer: RowNormalizer;
  private readonly spreader = new JsonRowSpreader();
  private readonly slots: unknown[] = new Array<unknown>(SLOT_COUNT).fill(undefined);
  private buffer = '';
  private line = 1;
  private seenRow = false;
  /** The current line passed the limit: its text is being dropped up to the next LF. */
  private skipping = false;
  /** Whether the held-back text ends with a CR. */
  private heldEndsWithCr = false;

  constructor(normalizer: RowNormalizer) {
    this.normalizer = normalizer;
  }

  pushText(text: string, batch: FeedBatch): void {
    let from = 0;
    if (this.skipping) {
      const lf = text.indexOf('\n');
      if (lf === -1) return;
      this.skipping = false;
      this.rejectLongLine(batch);
      from = lf + 1;
    }
    const piece = from === 0 ? text : text.slice(from);
    // The held-back text has no LF: only the new piece can end its line.
    const held = this.buffer.length;
    if (held > 0 && piece.indexOf('\n') === -1) {
      // Appended as is: reading the joined text (even one character) would copy it each time.
      this.buffer += piece;
      if (piece.length > 0) this.heldEndsWithCr = piece.charCodeAt(piece.length - 1) === CR;
      this.holdBack(batch);
      return;
    }
    const s = held === 0 ? piece : this.buffer + piece;
    let start = 0;
    let searchFrom = held;
    for (;;) {
      const lf = s.indexOf('\n', searchFrom);
      if (lf === -1) break;
      // The CR of a CRLF is not part of the line; only looked at when it could matter.
      if (lf - start > MAX_ROW_CHARS && lf - start - (s.charCodeAt(lf - 1) === CR ? 1 : 0) > MAX_ROW_CHARS) this.rejectLongLine(batch);
      else this.handleLine(s.slice(start, lf), batch);
      start = lf + 1;
      searchFrom = start;
    }
    this.buffer = start === 0 ? s : s.slice(start);
    this.heldEndsWithCr = this.buffer.length > 0 && s.charCodeAt(s.length - 1) === CR;
    this.holdBack(batch);
  }

  /** Checks the held-back start of a line: past the limit, it is dropped and the line skipped to its end. */
  private holdBack(batch: FeedBatch): void {
    // A CR at the end may be the first half of a CRLF, which is not part of the line.
    if (this.buffer.length - (this.heldEndsWithCr ? 1 : 0) > MAX_ROW_CHARS) {
      this.buffer = '';
      this.skipping = true;
      if (!this.seenRow) this.rejectLongLine(batch);
    }
  }

  settle(): void {
    // Lines are read as soon as their LF arrives: nothing is held back.
  }

  end(batch: FeedBatch): void {
    if (this.skipping) {
      this.skipping = false;
      this.rejectLongLine(batch);
    } else if (this.buffer.length > MAX_ROW_CHARS) {
      // At the end of the file a trailing CR belongs to the line.
      this.rejectLongLine(batch);
    } else if (this.buffer.length > 0) {
      this.handleLine(this.buffer, batch);
    }
    this.buffer = '';
    if (!this.seenRow) throw new FeedReadError('empty', 'The file is empty: no JSON lines.');
  }

  /** Rejects the current line as too long, or refuses the file when no JSON object came before it. */
  private rejectLongLine(batch: FeedBatch): void {
    const line = this.line++;
    if (!this.seenRow) {
      throw new FeedReadError('row-too-long', `Line ${line} is longer than ${MAX_ROW_CHARS} characters, and no JSON object line came before it: this is not NDJSON.`);
    }
    this.normalizer.reject(line, 'row', `the line is longer than ${MAX_ROW_CHARS} characters`, batch);
  }

  private handleLine(raw: string, batch: FeedBatch): void {
    const line = this.line++;
    if (isBlank(raw)) return;
    // GeoJSON text sequences (RFC 8142) prefix each record with an RS character.
    const text = raw.charCodeAt(0) === 0x1e ? raw.slice(1) : raw;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (!this.seenRow) {
        throw new FeedReadError(
          'format',
          `Line ${line} is not valid JSON (${jsonErrorMessage(error)}), so this is not NDJSON — one JSON object per line. A pretty-printed GeoJSON file should be imported as GeoJSON.`,
        );
      }
      this.normalizer.reject(line, 'row', `line is not valid JSON: ${jsonErrorMessage(error)}`, batch);
      return;
    }
    if (!isJsonObject(value)) {
      if (!this.seenRow) throw new FeedReadError('format', `Line ${line} is not a JSON object, so this is not NDJSON.`);
      this.normalizer.reject(line, 'row', 'line is not a JSON object', batch);
      return;
    }
    this.seenRow = true;
    const problem = value.type === 'Feature' ? this.spreader.spreadFeature(value, this.slots) : this.spreader.spreadObject(value, this.slots);
    if (problem !== null) {
      this.normalizer.reject(line, problem.field, problem.reason, batch);
      return;
    }
    this.normalizer.normalize(this.slots, line, batch);
  }
}
