/**
 * The store changed underneath an import or compaction (another tab published, compacted or
 * cleaned up in the meantime), so committing would have been based on stale knowledge. Nothing was
 * written; running the import again is safe.
 */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
}
