import { describe, expect, it } from 'vitest';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

const options: FeedParserOptions = { format: 'csv', locateReference: () => null };
const T = Date.UTC(2026, 2, 1, 2, 0);

function parse(text: string, extra: Partial<FeedParserOptions> = {}) {
  return parseFeedText(text, { ...options, ...extra });
}

describe('CSV feeds', () => {
  const body = ['id,source,time,lon,lat,category', 'A1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics', 'A2,HKCED,2026-03-01 10:00,114.2,22.4,tobacco'];

  it('reads LF, CRLF, BOM, semicolon and tab variants identically', () => {
    const reference = parse(`${body.join('\n')}\n`);
    expect(reference.records).toHaveLength(2);
    expect(reference.records[0]).toMatchObject({ id: 'A1', source: 'HKCED', time: T, lon: 114.1, lat: 22.3, category: 'narcotics' });
    const variants = [
      `${body.join('\r\n')}\r\n`,
      `\uFEFF${body.join('\n')}`,
      body.map((l) => l.replaceAll(',', ';')).join('\n'),
      body.map((l) => l.replaceAll(',', '\t')).join('\r\n'),
    ];
    for (const text of variants) {
      const result = parse(text);
      expect(result.records).toEqual(reference.records);
      expect(result.rejections).toEqual([]);
    }
  });

  it('reads a BOM in bytes', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${body.join('\n')}`);
    expect(bytes[0]).toBe(0xef);
    expect(parseFeedText(bytes, options).records).toHaveLength(2);
  });

  it('numbers rejections by physical line, counting quoted line breaks', () => {
    const text = [
      'id,source,time,lon,lat,category,description',
      'A1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics,"first\nsecond\r\nthird"',
      'A2,HKCED,2026-03-01 10:00,114.1,22.3,,"x"',
      '',
      'A3,HKCED,2026-03-01 10:00,114.1,22.3,tobacco,"a ""quoted"" word,\nand a comma"',
      ',HKCED,2026-03-01 10:00,114.1,22.3,tobacco,',
    ].join('\n');
    const result = parse(text);
    expect(result.records.map((r) => r.id)).toEqual(['A1', 'A3']);
    expect(result.records[0].description).toBe('first\nsecond\r\nthird');
    expect(result.records[1].description).toBe('a "quoted" word,\nand a comma');
    expect(result.rejections).toEqual([
      { location: { line: 5 }, field: 'category', reason: 'category is missing' },
      { location: { line: 9 }, field: 'id', reason: 'id is missing' },
    ]);
    expect(result.rowsIn).toBe(4);
  });

  it('skips blank lines and all-empty rows without counting them', () => {
    const result = parse(`\n${body[0]}\n\n,,,,,\n${body[1]}\n\n \t\n , ,\n,,,,,x\n`);
    expect(result.rowsIn).toBe(2);
    expect(result.records).toHaveLength(1);
    expect(result.records[0].id).toBe('A1');
    expect(result.rejections[0]).toMatchObject({ location: { line: 9 }, field: 'id' });
  });

  it('rejects rows with extra non-empty fields but tolerates trailing empty ones', () => {
    const result = parse(`${body[0]}\nA1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics,,\nA2,HKCED,2026-03-01 10:00,114.1,22.3,narcotics,oops\n`);
    expect(result.records.map((r) => r.id)).toEqual(['A1']);
    expect(result.rejections[0]).toMatchObject({ location: { line: 3 }, field: 'row' });
    expect(result.rejections[0].reason).toContain('7 fields but the header has 6');
  });

  it('treats missing trailing cells as empty', () => {
    const result = parse('id,source,time,lon,lat,category,severity\nA1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics\n');
    expect(result.records[0].severity).toBe(3);
  });

  it('rejects an unterminated quote at end of file', () => {
    const result = parse(`${body[0]}\nA1,HKCED,2026-03-01 10:00,114.1,22.3,"narcotics\n`);
    expect(result.rejections).toEqual([{ location: { line: 2 }, field: 'row', reason: 'a quoted field is not closed before the end of the file' }]);
  });

  it('warns about a second column for the same field and uses the first', () => {
    const result = parse('id,source,time,datetime,lon,lat,category\nA1,HKCED,2026-03-01 10:00,2020-01-01 00:00,114.1,22.3,narcotics\n');
    expect(result.records[0].time).toBe(T);
    expect(result.warnings).toEqual([
      { location: { line: 1 }, field: 'time', message: expect.stringContaining("'datetime'"), original: 'datetime' },
    ]);
  });

  it('ignores unknown columns', () => {
    const result = parse('id,source,time,lon,lat,category,officer\nA1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics,Chan\n');
    expect(result.records).toHaveLength(1);
  });

  it('reads a header only as an empty feed', () => {
    expect(parse(`${body[0]}\n`)).toEqual({ records: [], rejections: [], warnings: [], rowsIn: 0 });
  });

  it('uses the feed source when there is no source column', () => {
    const result = parse('id,time,lon,lat,category\nA1,2026-03-01 10:00,114.1,22.3,narcotics\n', { feedSource: 'gacc-gd' });
    expect(result.records[0].source).toBe('GACC-GD');
  });

  describe('refuses files that are not feeds', () => {
    it.each([
      ['', 'empty'],
      ['\n\n  \n', 'empty'],
      ['\uFEFF', 'empty'],
      ['A1,HKCED,2026-03-01 10:00,114.1,22.3,narcotics\n', 'header'],
      ['name,age\nAnn,3\n', 'header'],
      ['id,source,time,lon,lat\nA1,HKCED,2026-03-01 10:00,114.1,22.3\n', 'header'],
      ['id,time,lon,lat,category\nA1,2026-03-01 10:00,114.1,22.3,narcotics\n', 'header'],
      ['id,source,time,category\nA1,HKCED,2026-03-01 10:00,narcotics\n', 'header'],
      ['id,source,time,lon,lat,category\n\0\0\0', 'binary'],
    ])('%j (%s)', (text, code) => {
      let error: unknown;
      try {
        parse(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FeedReadError);
      expect((error as FeedReadError).code).toBe(code);
    });

    it('names the missing columns', () => {
      expect(() => parse('id,source,when,lon,lat,kind\n')).toThrow(/no 'time' column .*no 'category' column/);
    });
  });
});
