/** Size of what a store holds. */
export interface StorageSummary {
  /** Published chunks. */
  chunks: number;
  /** Chunks of unfinished imports. */
  stagedChunks: number;
  /** Rows in published chunks, live or masked. */
  rows: number;
  /** Rows readers see: the current version of each record. */
  liveRows: number;
  /** Rows hidden because a later version superseded them; compact() reclaims them. */
  maskedRows: number;
  /** Entries in the imports table, whatever their status. */
  imports: number;
}
