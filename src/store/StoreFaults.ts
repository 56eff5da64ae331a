/**
 * Failure-injection hooks for tests. Each runs inside the transaction it names, after that
 * transaction's writes were issued; throwing makes the transaction roll back as a real failure would.
 */
export interface StoreFaults {
  /** Inside the transaction that stages chunk `chunkId`. */
  stage?(chunkId: string): void;
  /** Inside the publish transaction of import `importId`. */
  publish?(importId: string): void;
  /** Inside the transaction that replaces chunk `chunkId` with its compacted rewrite. */
  compact?(chunkId: string): void;
}
