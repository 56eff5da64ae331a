/**
 * The browser refused to store more data (IndexedDB quota exceeded). The operation that hit it
 * was rolled back (an import's staged chunks are deleted) and data stored earlier is intact.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  /** @param operation what was cancelled, e.g. `the import of "seizures.csv"`. */
  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      `Storage is full: ${operation} was cancelled and nothing of it was kept; data stored earlier ` +
        'is intact. Free space (compact the store, delete old imports or other site data) and try again.',
      options,
    );
  }
}
