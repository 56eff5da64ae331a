import { describe, expect, it } from 'vitest';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { parseFeedText } from './parseFeedText.ts';

const options: FeedParserOptions = { format: 'ndjson', locateReference: () => null };
const row = (id: string, extra = '') => `{"id":"${id}","source":"MOCS","time":"2026-03-01T10:00:00+08:00","lon":113.55,"lat":22.15,"category":"currency"${extra}}`;

function readError(text: string): FeedReadError {
  try {
    parseFeedText(text, options);
  } catch (error) {
    if (error instanceof FeedReadError) return error;
    throw error;
  }
  throw new Error('expected a FeedReadError');
}

describe('NDJSON feeds', () => {
  it('reads one object per line, skipping blank lines without counting them', () => {
    const result = parseFeedText(`${row('a')}\n\n  \r\n${row('b')}\r\n`, options);
    expect(result.rowsIn).toBe(2);
    expect(result.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.records[0].time).toBe(Date.UTC(2026, 2, 1, 2));
  });

  it('reads epoch-millisecond numbers and Chinese keys', () => {
    const result = parseFeedText('{"編號":"x1","來源":"HKCED","時間":1772330400000,"經度":114.1,"緯度":22.3,"類別":"香煙","嚴重程度":4,"評級":"A1","金額":10,"幣種":"港幣","備註":"ok"}', options);
    expect(result.records[0]).toMatchObject({ id: 'x1', source: 'HKCED', time: 1772330400000, category: 'tobacco', severity: 4, grading: 'A1', description: 'ok' });
  });

  it('rejects lines that are not JSON objects, with their line numbers', () => {
    const text = [row('a'), '{"id": broken', '[1,2]', '"text"', '', row('b')].join('\n');
    const result = parseFeedText(text, options);
    expect(result.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.rejections.map((r) => [r.location, r.field, r.reason.split(':')[0]])).toEqual([
      [{ line: 2 }, 'row', 'line is not valid JSON'],
      [{ line: 3 }, 'row', 'line is not a JSON object'],
      [{ line: 4 }, 'row', 'line is not a JSON object'],
    ]);
    expect(result.rowsIn).toBe(5);
  });

  it('reads GeoJSON text sequences (RS-prefixed Feature lines)', () => {
    const feature = '\u001e{"type":"Feature","id":"f1","geometry":{"type":"Point","coordinates":[113.55,22.15]},"properties":{"source":"MOCS","time":"2026-03-01 10:00","category":"firearms"}}';
    const line = '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{}}';
    const result = parseFeedText(`${feature}\n${line}\n`, options);
    expect(result.records[0]).toMatchObject({ id: 'f1', lon: 113.55, lat: 22.15, category: 'firearms' });
    expect(result.rejections).toEqual([{ location: { line: 2 }, field: 'geometry', reason: "geometry is 'LineString', not a Point" }]);
  });

  it('uses the first of two keys naming the same field', () => {
    const result = parseFeedText('{"id":"a","ref":"b","source":"MOCS","time":"2026-03-01 10:00","lon":113.55,"lat":22.15,"type":"currency"}', options);
    expect(result.records[0].id).toBe('a');
  });

  it('refuses files that are not NDJSON as a whole', () => {
    expect(readError('').code).toBe('empty');
    expect(readError('\n \n').code).toBe('empty');
    expect(readError('{\n  "type": "FeatureCollection"\n}').code).toBe('format');
    expect(readError('id,time\n1,2').code).toBe('format');
    expect(readError('[1]\n').code).toBe('format');
    expect(readError(`${row('a')}\n\0`).code).toBe('binary');
  });
});
