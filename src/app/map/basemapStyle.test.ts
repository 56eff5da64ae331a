import { describe, expect, it } from 'vitest';
import { BASEMAP_SOURCE_ID, BASEMAP_TILING, buildBasemapStyle, MAX_BASEMAP_LINE_SCALE } from './basemapStyle.ts';

/** The widest a line layer gets at any zoom, pixels: a constant or the largest interpolate output. */
function maxLineWidth(width: unknown): number {
  if (typeof width === 'number') return width;
  if (Array.isArray(width) && width[0] === 'interpolate') return Math.max(...width.slice(3).filter((_, i) => i % 2 === 1).map(Number));
  throw new Error(`unexpected line-width ${JSON.stringify(width)}`);
}

describe('buildBasemapStyle', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`lets MapLibre tile the basemap with the stated settings (${theme})`, () => {
      const style = buildBasemapStyle(theme, 'https://example.test/gbaBasemap.json');
      const source = style.sources[BASEMAP_SOURCE_ID];
      expect(source).toMatchObject({ type: 'geojson', data: 'https://example.test/gbaBasemap.json', ...BASEMAP_TILING });
    });

    it(`keeps a tile margin wider than every basemap line (${theme})`, () => {
      const style = buildBasemapStyle(theme, 'gbaBasemap.json');
      const widths = style.layers.filter((layer) => layer.type === 'line').map((layer) => maxLineWidth((layer.paint as Record<string, unknown> | undefined)?.['line-width']));
      expect(widths.length).toBeGreaterThan(3);
      // Half a line may hang over a tile edge; the margin must hold it with room to spare.
      expect(BASEMAP_TILING.buffer).toBeGreaterThanOrEqual(4 * Math.max(...widths));
    });

    it(`keeps a tile margin wider than every line grown for a wall's larger text (${theme})`, () => {
      const widest = (lineScale: number) =>
        Math.max(
          ...buildBasemapStyle(theme, 'gbaBasemap.json', lineScale)
            .layers.filter((layer) => layer.type === 'line')
            .map((layer) => maxLineWidth((layer.paint as Record<string, unknown> | undefined)?.['line-width'])),
        );
      expect(widest(MAX_BASEMAP_LINE_SCALE)).toBeCloseTo(MAX_BASEMAP_LINE_SCALE * widest(1));
      // A larger root size is capped: lines stop growing where the margin would stop hiding seams.
      expect(widest(10)).toBe(widest(MAX_BASEMAP_LINE_SCALE));
      expect(BASEMAP_TILING.buffer).toBeGreaterThanOrEqual(2.5 * widest(10));
    });
  }
});
