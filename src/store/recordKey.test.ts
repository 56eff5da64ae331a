import { describe, expect, it } from 'vitest';
import { recordKey, recordKeyPrefix } from './recordKey.ts';

describe('recordKey', () => {
  it('is injective where a separator would not be', () => {
    expect(recordKey('A:B', 'C')).not.toBe(recordKey('A', 'B:C'));
    expect(recordKey('1:A', 'B')).not.toBe(recordKey('1', ':AB'));
  });

  it('is the prefix plus the id', () => {
    expect(recordKeyPrefix('HKCED') + 'X1').toBe(recordKey('HKCED', 'X1'));
  });
});
