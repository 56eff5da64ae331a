/**
 * True when `error` is, or wraps, a storage-quota failure: a `QuotaExceededError` DOMException,
 * Dexie's `Dexie.QuotaExceededError`, or either as the `inner` cause of Dexie's `AbortError`
 * (some browsers abort the transaction instead of failing the request) or of a bulk error.
 */
export function isQuotaExceededError(error: unknown): boolean {
  return hasQuotaName(error, 0);
}

const MAX_DEPTH = 5;

function hasQuotaName(error: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (candidate.name === 'QuotaExceededError') return true;
  if (hasQuotaName(candidate.inner, depth + 1) || hasQuotaName(candidate.cause, depth + 1)) return true;
  if (Array.isArray(candidate.failures)) return candidate.failures.some((failure) => hasQuotaName(failure, depth + 1));
  return false;
}
