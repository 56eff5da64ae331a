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
  /** 'reading' while rows stream in, 'publishing' during the final commit. */
  phase: 'reading' | 'publishing';
}
