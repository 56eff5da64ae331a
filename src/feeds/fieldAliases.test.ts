import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES, resolveFieldName } from './fieldAliases.ts';
import { foldToken } from './foldToken.ts';
import { CANONICAL_FIELDS } from './rowSlots.ts';

describe('field aliases', () => {
  it('resolves every alias of every field', () => {
    for (const field of CANONICAL_FIELDS) {
      expect(FIELD_ALIASES[field]).toContain(field);
      for (const alias of FIELD_ALIASES[field]) expect(resolveFieldName(alias)).toBe(field);
    }
  });

  it('keeps aliases folded and unique across fields', () => {
    const seen = new Set<string>();
    for (const field of CANONICAL_FIELDS) {
      for (const alias of FIELD_ALIASES[field]) {
        expect(foldToken(alias)).toBe(alias);
        expect(seen.has(alias)).toBe(false);
        seen.add(alias);
      }
    }
  });

  it.each([
    ['Event_ID', 'id'],
    ['EVENT-ID', 'id'],
    [' event id ', 'id'],
    ['date_time', 'time'],
    ['Date-Time', 'time'],
    ['TimeStamp', 'time'],
    ['Coordinate_System', 'crs'],
    ['Record_Type', 'kind'],
    ['Control Point', 'site'],
    ['ＩＤ', 'id'],
    ['更新時間', 'updated'],
    ['更新时间', 'updated'],
    ['經度', 'lon'],
    ['緯度', 'lat'],
    ['嚴重程度', 'severity'],
  ])('%j -> %s', (name, field) => {
    expect(resolveFieldName(name)).toBe(field);
  });

  it.each(['', 'foo', 'identifier', '__proto__', 'constructor', 'toString'])('ignores %j', (name) => {
    expect(resolveFieldName(name)).toBeNull();
  });
});
