import { describe, expect, it } from 'vitest';
import { recordKey } from './recordKey.ts';

describe('recordKey', () => {
  it('is injective where a separator would not be', () => {
    expect(recordKey('A:B', 'C')).not.toBe(recordKey('A', 'B:C'));
    expect(recordKey('1:A', 'B')).not.toBe(recordKey('1', ':AB'));
  });
});
