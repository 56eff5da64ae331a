import type { FeedBatch } from './FeedBatch.ts';
import { FeedReadError } from './FeedReadError.ts';
import type { RowNormalizer } from './RowNormalizer.ts';
import { SLOT_COUNT } from './rowSlots.ts';
import { isJsonObject, JsonRowSpreader } from './JsonRowSpreader.ts';
import type { TextFeedParser } from './TextFeedParser.ts';

/** Longest NDJSON line buffered before the file is refused. */
export const MAX_LINE_CHARS = 1 << 20;

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
 */
export class NdjsonFeedParser implements TextFeedParser {
  private readonly normalizer: RowNormalizer;
  private readonly spreader = new JsonRowSpreader();
  private readonly slots: unknown[] = new Array<unknown>(SLOT_COUNT).fill(undefined);
  private buffer = '';
  private line = 1;
  private seenRow = false;

  constructor(normalizer: RowNormalizer) {
    this.normalizer = normalizer;
  }

  pushText(text: string, batch: FeedBatch): void {
    const s = this.buffer.length === 0 ? text : this.buffer + text;
    let start = 0;
    for (;;) {
      const lf = s.indexOf('\n', start);
      if (lf === -1) break;
      this.handleLine(s.slice(start, lf), batch);
      start = lf + 1;
    }
    this.buffer = start === 0 ? s : s.slice(start);
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new FeedReadError('row-too-long', `Line ${this.line} is longer than ${MAX_LINE_CHARS} characters.`);
    }
  }

  end(batch: FeedBatch): void {
    if (this.buffer.length > 0) this.handleLine(this.buffer, batch);
    this.buffer = '';
    if (!this.seenRow) throw new FeedReadError('empty', 'The file is empty: no JSON lines.');
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
    if (value.type === 'Feature') {
      const problem = this.spreader.spreadFeature(value, this.slots);
      if (problem !== null) {
        this.normalizer.reject(line, 'geometry', problem, batch);
        return;
      }
    } else {
      this.spreader.spreadObject(value, this.slots);
    }
    this.normalizer.normalize(this.slots, line, batch);
  }
}
