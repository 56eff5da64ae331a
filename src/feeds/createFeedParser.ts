import { createTextFeedParser } from './createTextFeedParser.ts';
import { emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';

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

/**
 * Creates a streaming parser for one feed file. Bytes are decoded as UTF-8 with a fatal decoder
 * (a leading BOM is dropped; multi-byte characters may straddle chunks), so memory stays bounded
 * by the chunk size for CSV and NDJSON. GeoJSON is one JSON document and is parsed at end().
 */
export function createFeedParser(options: FeedParserOptions): FeedParser {
  const text = createTextFeedParser(options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lead: number[] = [];
  let ended = false;

  function decode(chunk: Uint8Array | undefined): string {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw encodingError(lead);
    }
  }

  return {
    push(chunk) {
      if (ended) throw new Error('FeedParser.push called after end()');
      for (let k = 0; lead.length < 2 && k < chunk.length; k++) lead.push(chunk[k]);
      const batch = emptyBatch();
      const s = decode(chunk);
      if (s.length > 0) text.pushText(s, batch);
      return batch;
    },
    end() {
      if (ended) throw new Error('FeedParser.end called twice');
      ended = true;
      const batch = emptyBatch();
      const s = decode(undefined);
      if (s.length > 0) text.pushText(s, batch);
      text.end(batch);
      return batch;
    },
  };
}
