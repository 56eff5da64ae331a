import type { FeedBatch } from './FeedBatch.ts';

/** A format-specific parser fed decoded text; rows it completes are appended to the given batch. */
export interface TextFeedParser {
  /** Consumes the next piece of the file's text. */
  pushText(text: string, batch: FeedBatch): void;
  /** Finishes the file: flushes the last row and throws FeedReadError if the file was unusable. */
  end(batch: FeedBatch): void;
}
