import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaExceededError } from './isQuotaExceededError.ts';

describe('isQuotaExceededError', () => {
  const quota = new DOMException('full', 'QuotaExceededError');

  it('recognises the DOMException, Dexie wrappers and nested causes', () => {
    expect(isQuotaExceededError(quota)).toBe(true);
    expect(isQuotaExceededError(new Dexie.QuotaExceededError('full', quota))).toBe(true);
    expect(isQuotaExceededError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaExceededError(new Dexie.BulkError('bulk', { 0: quota }))).toBe(true);
    expect(isQuotaExceededError(new Error('outer', { cause: quota }))).toBe(true);
  });

  it('rejects everything else', () => {
    expect(isQuotaExceededError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaExceededError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaExceededError('QuotaExceededError')).toBe(false);
    expect(isQuotaExceededError(null)).toBe(false);
  });
});
