/**
 * Where a running import stands: `waiting` for another tab's import to finish (the store imports
 * one file at a time), `reading` while rows stream in, `publishing` from the last row to the
 * final commit, `cancelling` from a cancel until its staged chunks are deleted.
 */
export type FeedImportPhase = 'waiting' | 'reading' | 'publishing' | 'cancelling';

/** Progress of one running import, as the board shows it. */
export interface FeedImportProgress {
  feedName: string;
  /** Bytes read so far and in all (0 when the size is unknown, e.g. a chunked download). */
  bytesRead: number;
  totalBytes: number;
  /** Rows parsed so far (accepted or rejected). */
  rows: number;
  /** Rows per second since the start. */
  rowsPerSecond: number;
  phase: FeedImportPhase;
}
