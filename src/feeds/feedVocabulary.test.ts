import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS, CATEGORY_NAMES } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { resolveCategory, resolveCurrency, resolveKind, resolveMode } from './feedVocabulary.ts';

describe('resolveCategory', () => {
  it('accepts the key, English label, 简体 and 繁體 names of every category', () => {
    for (const key of CATEGORY_KEYS) {
      const names = CATEGORY_NAMES[key];
      for (const text of [key, key.toUpperCase(), names.en, names.en.toLowerCase(), names.zhHans, names.zhHant]) {
        expect(resolveCategory(text)).toBe(key);
      }
    }
  });

  it('ignores spaces, _ and - and case', () => {
    expect(resolveCategory('Strategic-Minerals')).toBe('strategic_minerals');
    expect(resolveCategory('FOOD SAFETY')).toBe('food_safety');
    expect(resolveCategory('smuggled goods')).toBe('smuggled_goods');
  });

  it('returns null for unknown words (and keeps doing so when memoised)', () => {
    expect(resolveCategory('drones')).toBeNull();
    expect(resolveCategory('drones')).toBeNull();
    expect(resolveCategory('__proto__')).toBeNull();
  });
});

describe('resolveKind / resolveMode / resolveCurrency', () => {
  it('accepts every canonical kind and mode', () => {
    for (const kind of RECORD_KINDS) expect(resolveKind(kind)).toBe(kind);
    for (const mode of TRANSPORT_MODES) expect(resolveMode(mode)).toBe(mode);
    expect(resolveKind('Inspection Hit')).toBe('inspection_hit');
    expect(resolveKind('情報')).toBe('intelligence');
    expect(resolveMode('Low-Altitude')).toBe('low_altitude');
    expect(resolveMode('E-Commerce')).toBe('ecommerce');
    expect(resolveMode('海運')).toBe('sea');
  });

  it('keeps stored mode codes: modes are only appended, ferry last', () => {
    expect(TRANSPORT_MODES).toEqual(['sea', 'land', 'air', 'rail', 'passenger', 'vehicle', 'postal', 'ecommerce', 'low_altitude', 'ferry']);
    expect(resolveMode('FERRY')).toBe('ferry');
    expect(resolveMode('輪渡')).toBe('ferry');
  });

  it('accepts currency codes and names', () => {
    expect(resolveCurrency('cny')).toBe('CNY');
    expect(resolveCurrency('RMB')).toBe('CNY');
    expect(resolveCurrency('人民幣')).toBe('CNY');
    expect(resolveCurrency('HK$')).toBe('HKD');
    expect(resolveCurrency('港元')).toBe('HKD');
    expect(resolveCurrency('MOP$')).toBe('MOP');
    expect(resolveCurrency('澳門元')).toBe('MOP');
    expect(resolveCurrency('pataca')).toBe('MOP');
  });

  it('returns null for unknown values', () => {
    expect(resolveKind('rumour')).toBeNull();
    expect(resolveMode('teleport')).toBeNull();
    expect(resolveCurrency('USD')).toBeNull();
  });
});
