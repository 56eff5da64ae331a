import { describe, expect, it } from 'vitest';
import { detectFeedFormat } from './detectFeedFormat.ts';
import { FeedReadError } from './FeedReadError.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFeedFormat', () => {
  it.each([
    ['feed.csv', '{"looks":"like json"}', 'csv'],
    ['FEED.TSV', '', 'csv'],
    ['dir/feed.geojson', 'id,time', 'geojson'],
    ['feed.ndjson', '', 'ndjson'],
    ['feed.jsonl', '', 'ndjson'],
    ['C:\\data\\feed.geojsonl', '', 'ndjson'],
    ['feed.json', '{"type":"FeatureCollection","features":[]}', 'geojson'],
    ['feed.json', '{\n  "type": "FeatureCollection",', 'geojson'],
    ['feed.json', '\uFEFF  {"id":"a","time":1}\n{"id":"b"', 'ndjson'],
    ['feed.json', '{"type":"Feature","properties":{}}\n', 'ndjson'],
    ['feed.json', '[{"id":1}]', 'geojson'],
    ['export', 'id,source,time\n', 'csv'],
    ['export.txt', '\u001e{"type":"Feature"}', 'ndjson'],
    ['feed', '{"id":"a","description":"cut off in the mid', 'geojson'],
  ])('%s with %j -> %s', (name, text, expected) => {
    expect(detectFeedFormat(name, bytes(text))).toBe(expected);
  });

  it('tolerates a multi-byte character cut at the end of the sample', () => {
    const sample = bytes('id,time,描述');
    expect(detectFeedFormat('feed', sample.slice(0, sample.length - 1))).toBe('csv');
  });

  it.each([
    ['book.xlsx', bytes('PK')],
    ['feed.zip', bytes('PK')],
    ['blob', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)],
    ['blob', Uint8Array.of(0x41, 0, 0x42)],
  ])('refuses %s', (name, sample) => {
    expect(() => detectFeedFormat(name, sample)).toThrow(FeedReadError);
  });
});
