import { createTextFeedParser } from './createTextFeedParser.ts';
import { emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { validUtf8Prefix } from './validUtf8Prefix.ts';

/** A streaming feed parser: push the file's bytes in chunks of any size, then call end(). */
export interface FeedParser {
  /**
   * Decodes and parses the next chunk; returns the rows it completed. Throws FeedReadError when
   * the file proves unreadable — the whole import must then be discarded.
   */
  push(chunk: Uint8Array): FeedBatch;
  /** Flushes the last row (all of a GeoJSON document) and returns it; throws FeedReadError likewise. */
  end(): FeedBatch;
}

function encodingError(lead: readonly number[]): FeedReadError {
  // FF and FE never occur in UTF-8, so a file opening with either half of a UTF-16 BOM is UTF-16.
  const utf16 = (lead[0] === 0xff && (lead.length < 2 || lead[1] === 0xfe)) || (lead[0] === 0xfe && (lead.length < 2 || lead[1] === 0xff));
  return new FeedReadError(
    'encoding',
    utf16 ? 'The file is UTF-16 encoded; save it as UTF-8 and import it again.' : 'The file is not valid UTF-8 text (is it binary, or in a legacy encoding such as GBK or Big5?).',
  );
}

/** The bytes at the end of `tail` + `chunk` that start a character still incomplete (at most 3). */
function incompleteTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  const bytes = chunk.length >= 3 || tail.length === 0 ? chunk : concat(tail, chunk);
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if (b >= 0x80 && b < 0xc0) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? bytes.slice(bytes.length - back) : EMPTY;
  }
  return EMPTY;
}

const EMPTY: Uint8Array = new Uint8Array(0);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Creates a streaming parser for one feed file. Bytes are decoded as UTF-8 with a fatal decoder
 * (a leading BOM is dropped; multi-byte characters may straddle chunks), so memory stays bounded
 * by the chunk size for CSV and NDJSON. GeoJSON is one JSON document and is parsed at end().
 *
 * A file is refused for its first problem in file order, however it is cut into chunks: before a
 * chunk's invalid UTF-8 refuses the file, the text before the first bad byte is parsed, so a bad
 * header in front of it is what the refusal names.
 */
export function createFeedParser(options: FeedParserOptions): FeedParser {
  const text = createTextFeedParser(options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lead: number[] = [];
  let ended = false;
  /** Bytes the decoder holds back (a character cut by the chunk's end), and bytes decoded before them. */
  let tail = EMPTY;
  let decodedBytes = 0;

  function decode(chunk: Uint8Array, batch: FeedBatch): string {
    try {
      const s = decoder.decode(chunk, { stream: true });
      const held = incompleteTail(tail, chunk);
      decodedBytes += tail.length + chunk.length - held.length;
      tail = held;
      return s;
    } catch {
      const bytes = concat(tail, chunk);
      const valid = validUtf8Prefix(bytes);
      // A BOM is only dropped at the very start of the file, as the streaming decoder does.
      const prefix = new TextDecoder('utf-8', { ignoreBOM: decodedBytes > 0 }).decode(bytes.subarray(0, valid));
      if (prefix.length > 0) text.pushText(prefix, batch);
      text.settle(batch);
      throw encodingError(lead);
    }
  }

  return {
    push(chunk) {
      if (ended) throw new Error('FeedParser.push called after end()');
      for (let k = 0; lead.length < 2 && k < chunk.length; k++) lead.push(chunk[k]);
      const batch = emptyBatch();
      const s = decode(chunk, batch);
      if (s.length > 0) text.pushText(s, batch);
      return batch;
    },
    end() {
      if (ended) throw new Error('FeedParser.end called twice');
      ended = true;
      const batch = emptyBatch();
      let s: string;
      try {
        s = decoder.decode();
      } catch {
        text.settle(batch);
        throw encodingError(lead);
      }
      if (s.length > 0) text.pushText(s, batch);
      text.end(batch);
      return batch;
    },
  };
}
