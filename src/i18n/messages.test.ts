import { describe, expect, it } from 'vitest';
import { LOCALES, parseLocale } from './locales.ts';
import { AREA_MESSAGES } from './areas/index.ts';
import { formatMessage, MESSAGES } from './messages.ts';

describe('message catalogs', () => {
  const referenceKeys = Object.keys(MESSAGES.en).sort();

  it.each(LOCALES)('%s has exactly the reference keys, none empty', (locale) => {
    const catalog = MESSAGES[locale] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual(referenceKeys);
    for (const key of referenceKeys) expect(catalog[key].trim(), `${locale} ${key}`).not.toBe('');
  });

  it.each(LOCALES)('%s keeps every placeholder of the English string', (locale) => {
    for (const key of referenceKeys) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      const catalog = MESSAGES[locale] as Record<string, string>;
      expect(placeholders(catalog[key]), `${locale} ${key}`).toEqual(placeholders((MESSAGES.en as Record<string, string>)[key]));
    }
  });

  it('defines every key once, in the shared catalog or in one area', () => {
    const counts = new Map<string, number>();
    const count = (keys: string[]) => keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    const areaKeys = AREA_MESSAGES.flatMap((area) => Object.keys(area.en));
    count(areaKeys);
    count(referenceKeys.filter((key) => !areaKeys.includes(key)));
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(formatMessage('en', 'panel.eventCount', { count: 12, days: 60 })).toBe('12 events over 60 days');
    expect(formatMessage('zh-Hant', 'panel.eventCount', { count: 12, days: 60 })).toBe('60 天內共 12 宗事件');
  });

  it('parses locale names and regional tags', () => {
    expect(parseLocale('zh-HK')).toBe('zh-Hant');
    expect(parseLocale('ZH-hans')).toBe('zh-Hans');
    expect(parseLocale('en-GB')).toBe('en');
    expect(parseLocale('fr')).toBeNull();
  });
});
