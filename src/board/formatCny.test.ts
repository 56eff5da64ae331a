import { describe, expect, it } from 'vitest';
import { formatCnyCompact } from './formatCny.ts';

describe('formatCnyCompact', () => {
  it('fits large amounts into a few characters in every board language', () => {
    expect(formatCnyCompact(7_354_712_345, 'en')).toBe('¥7.35B');
    expect(formatCnyCompact(877_000_000, 'en')).toMatch(/¥877M$/);
    expect(formatCnyCompact(7_354_712_345, 'zh-Hans')).toMatch(/¥73\.5亿$/);
    expect(formatCnyCompact(7_354_712_345, 'zh-Hant')).toMatch(/¥73\.5億$/);
    expect(formatCnyCompact(950, 'en')).toMatch(/¥950$/);
    expect(formatCnyCompact(0, 'en')).toMatch(/¥0$/);
  });
});
