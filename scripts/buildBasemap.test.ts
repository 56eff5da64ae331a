import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_MAX_BYTES, BASEMAP_OUTPUT_PATH, COUNTRIES_PACKAGE_DIR, readCountryFeatures, renderBasemap } from './buildBasemap.ts';

const sourceFile = resolve(COUNTRIES_PACKAGE_DIR, 'map.geo.json');

function feature(a3: string): string {
  return JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { A3: a3 } });
}

describe('buildBasemap', () => {
  it('reads only the wanted countries, one feature per line or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidegate-basemap-'));
    try {
      const perLine = join(dir, 'lines.json');
      writeFileSync(perLine, `{"type":"FeatureCollection", "features": [\n${['FRA', 'HKG', 'CHN'].map(feature).join(',\n')}\n]}\n`);
      expect(readCountryFeatures(perLine).map((f) => f.properties?.A3)).toEqual(['HKG', 'CHN']);
      const oneLine = join(dir, 'one.json');
      writeFileSync(oneLine, `{"type":"FeatureCollection","features":[${['MAC', 'FRA'].map(feature).join(',')}]}`);
      expect(readCountryFeatures(oneLine).map((f) => f.properties?.A3)).toEqual(['MAC']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Reads the 168 MB source (a few seconds), but it is what keeps the committed file honest.
  it.skipIf(!existsSync(sourceFile))(
    'reproduces the committed gbaBasemap.json byte for byte',
    () => {
      const rebuilt = renderBasemap();
      expect(Buffer.byteLength(rebuilt)).toBeLessThan(BASEMAP_MAX_BYTES);
      expect(rebuilt).toBe(readFileSync(BASEMAP_OUTPUT_PATH, 'utf8'));
    },
    120_000,
  );
});
