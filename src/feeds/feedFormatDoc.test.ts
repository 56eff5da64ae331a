import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedFormat } from './FeedParserOptions.ts';
import { FEED_FORMAT_VERSION } from './feedFormatVersion.ts';
import { parseFeedText } from './parseFeedText.ts';

const doc = readFileSync(new URL('../../docs/feed-format.md', import.meta.url), 'utf8');
const REFERENCE: Record<string, { lon: number; lat: number }> = {
  gongbei_port: { lon: 113.5489, lat: 22.2186 },
  lo_wu_control_point: { lon: 114.1137, lat: 22.5295 },
  hzmb: { lon: 113.7806, lat: 22.2831 },
};

const FENCE_FORMAT: Record<string, FeedFormat> = { csv: 'csv', json: 'geojson', text: 'ndjson' };

describe('docs/feed-format.md', () => {
  it('states the implemented version', () => {
    expect(doc).toContain(`**Feed format ${FEED_FORMAT_VERSION}**`);
  });

  const blocks = [...doc.matchAll(/```(csv|json|text)\n([\s\S]*?)```/g)];

  it('has examples for every format', () => {
    expect(new Set(blocks.map((b) => FENCE_FORMAT[b[1]]))).toEqual(new Set(['csv', 'geojson', 'ndjson']));
  });

  it.each(blocks.map((b, i) => [i, b[1], b[2]] as const))('example %d (%s) imports without rejections', (_i, fence, text) => {
    const result = parseFeedText(text, { format: FENCE_FORMAT[fence], locateReference: (_kind, id) => REFERENCE[id] ?? null });
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records.length).toBeGreaterThan(0);
  });
});
