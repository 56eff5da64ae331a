import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTA_WARN_RATIO, quotaWarning, storageError } from './wallStorageFaults.ts';

describe('wall storage faults', () => {
  it('warns from QUOTA_WARN_RATIO of the quota on', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1 }), (usage, quota) => {
        const warning = quotaWarning({ usage, quota });
        if (usage / quota >= QUOTA_WARN_RATIO) expect(warning).toBe(Math.min(100, Math.round((usage / quota) * 100)));
        else expect(warning).toBeNull();
      }),
    );
    expect(quotaWarning(null)).toBeNull();
    expect(quotaWarning({ usage: 5, quota: 0 })).toBeNull();
  });

  it('names the playlist write error first, then an import refused for room', () => {
    expect(storageError('QuotaExceededError', { error: 'HTTP 500' })).toBe('QuotaExceededError');
    expect(storageError(null, { error: 'The storage is full' })).toBe('The storage is full');
    expect(storageError(null, { error: 'HTTP 500' })).toBeNull();
    expect(storageError(null, null)).toBeNull();
  });
});
