import type { FeedBatch } from './FeedBatch.ts';

/** A format-specific parser fed decoded text; rows it completes are appended to the given batch. */
export interface TextFeedParser {
  /** Consumes the next piece of the file's text. */
  pushText(text: string, batch: FeedBatch): void;
  /**
   * Reads every row the text pushed so far completes, including rows a parser held back to read
   * later with more text: called before the file is refused for what comes next, so that a
   * problem earlier in the file is the one reported.
   */
  settle(batch: FeedBatch): void;
  /** Finishes the file: flushes the last row and throws FeedReadError if the file was unusable. */
  end(batch: FeedBatch): void;
}
