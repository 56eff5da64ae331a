import { expect, it } from 'vitest';
import { formatUtc8 } from './formatUtc8.ts';

it('formats instants in UTC+8 across the date line of UTC', () => {
  expect(formatUtc8(Date.UTC(2026, 10, 22, 16, 30, 5))).toBe('2026-11-23 00:30:05');
  expect(formatUtc8(Date.UTC(2026, 10, 22, 1, 2, 3), false)).toBe('2026-11-22 09:02');
});
