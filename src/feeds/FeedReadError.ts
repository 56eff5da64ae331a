/** Why a whole file was refused. */
export type FeedReadErrorCode =
  /** The bytes are not valid UTF-8. */
  | 'encoding'
  /** The file contains NUL characters or other signs of a binary file. */
  | 'binary'
  /** No content at all. */
  | 'empty'
  /** No usable CSV header: missing, or lacking a required column. */
  | 'header'
  /** Not the declared format (invalid JSON, not a FeatureCollection, not NDJSON). */
  | 'format'
  /** A single row or line exceeds the size limit (usually an unbalanced quote). */
  | 'row-too-long'
  /** A feed-level option (source, CRS, currency) is unusable. */
  | 'options';

/**
 * Thrown when a feed file cannot be read at all. Nothing of such a file may be imported: a
 * caller that already received batches from the same parser must discard them.
 */
export class FeedReadError extends Error {
  override readonly name = 'FeedReadError';
  /** Machine-readable category of the failure; survives structured cloning where the class does not. */
  readonly code: FeedReadErrorCode;

  constructor(code: FeedReadErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
