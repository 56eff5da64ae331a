import { createFeedParser } from './createFeedParser.ts';
import { createTextFeedParser } from './createTextFeedParser.ts';
import { appendBatch, emptyBatch, type FeedBatch } from './FeedBatch.ts';
import type { FeedParserOptions } from './FeedParserOptions.ts';

/**
 * Parses a whole feed at once — for tests, the CLI and small files. Bytes go through the same
 * fatal UTF-8 decoding as createFeedParser; a string is used as is (minus a leading BOM).
 * Throws FeedReadError when the file cannot be read at all.
 */
export function parseFeedText(input: string | Uint8Array, options: FeedParserOptions): FeedBatch {
  if (typeof input === 'string') {
    const parser = createTextFeedParser(options);
    const batch = emptyBatch();
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length > 0) parser.pushText(text, batch);
    parser.end(batch);
    return batch;
  }
  const parser = createFeedParser(options);
  const batch = parser.push(input);
  return appendBatch(batch, parser.end());
}
