/** Share of the storage quota in use from which the wall flags the store as nearly full. */
export const QUOTA_WARN_RATIO = 0.9;

/** Matches what browsers and the store say when a write was refused for room or by policy. */
const STORAGE_REFUSAL = /quota|storage|disk|space|full/i;

/** The percentage of the quota in use when it is at least QUOTA_WARN_RATIO, else null (also without an estimate). */
export function quotaWarning(estimate: { usage: number; quota: number } | null): number | null {
  if (estimate === null || !(estimate.quota > 0) || !(estimate.usage >= 0)) return null;
  const ratio = estimate.usage / estimate.quota;
  return ratio >= QUOTA_WARN_RATIO ? Math.min(100, Math.round(ratio * 100)) : null;
}

/**
 * What the wall shows as a storage error: the playlist write's error, else the latest import's
 * error when it says the browser refused to store (other import errors are the feed's own and
 * show on its line). Null when storage works.
 */
export function storageError(playlistSaveError: string | null, latestImport: { error: string | null } | null): string | null {
  if (playlistSaveError !== null) return playlistSaveError;
  const error = latestImport?.error ?? null;
  return error !== null && STORAGE_REFUSAL.test(error) ? error : null;
}
