import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BASEMAP_PALETTES, type BasemapTheme } from '../../src/app/map/basemapStyle.ts';
import { PORT_ZOOM_PLACES, type PortZoomPlace } from '../../src/geo/basemap/portZoomProbes.ts';
import type { LonLat } from '../../src/geo/LonLat.ts';
import { goBackTo } from './support/goBackTo.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady, type BoardPage } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/boards/tidegate/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** MapLibre's world size in pixels at a zoom (512-pixel tiles). */
function worldSize(zoom: number): number {
  return 512 * 2 ** zoom;
}

/** Web Mercator pixel position of a point in a world of `size` pixels. */
function mercatorPixel([lon, lat]: LonLat, size: number): [number, number] {
  const sinLat = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI)) * size];
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The RGB of each listed pixel of a PNG, decoded in the page. */
async function pixelsOf(page: Page, png: Buffer, points: [number, number][]): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ base64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => {
        const [r, g, b] = context.getImageData(x, y, 1, 1).data;
        return [r, g, b] as [number, number, number];
      });
    },
    { base64: png.toString('base64'), points },
  );
}

/** Names the basemap colour nearest to `rgb`: a jurisdiction's land, or `water`. */
function basemapColourName(theme: BasemapTheme, rgb: [number, number, number]): { name: string; distance: number } {
  const palette = BASEMAP_PALETTES[theme];
  const named: [string, string][] = [['water', palette.water], ...Object.entries(palette.land)];
  let best = { name: '', distance: Infinity };
  for (const [name, hex] of named) {
    const target = hexToRgb(hex);
    const distance = Math.max(...target.map((v, i) => Math.abs(v - rgb[i])));
    if (distance < best.distance) best = { name, distance };
  }
  return best;
}

/** Where each probe of a place falls in the page, with the map's canvas placed as it is. */
async function probePixels(page: Page, place: PortZoomPlace): Promise<[number, number][]> {
  const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const size = worldSize(place.view.zoom);
  const [cx, cy] = mercatorPixel([place.view.lon, place.view.lat], size);
  return place.probes.map(({ name, position }) => {
    const [px, py] = mercatorPixel(position, size);
    const x = Math.round(box.x + box.width / 2 + (px - cx));
    const y = Math.round(box.y + box.height / 2 + (py - cy));
    const margin = 20;
    if (x < box.x + margin || x > box.x + box.width - margin || y < box.y + margin || y > box.y + box.height - margin) {
      throw new Error(`${place.id}: ${name} falls outside the ${Math.round(box.width)}×${Math.round(box.height)} map at ${x},${y}`);
    }
    return [x, y];
  });
}

/**
 * Moves the open board to a camera the way Back/Forward does (the URL changes, then popstate: the
 * view store restores the view from it), and waits until the basemap is idle there.
 */
async function goToCamera(page: Page, query: string, zoom: number): Promise<void> {
  await goBackTo(page, query);
  await page.waitForSelector(`[data-testid="map"][data-zoom="${zoom.toFixed(2)}"][data-moving="false"][data-map-state="ready"]`);
}

describe('basemap detail at port zoom', () => {
  for (const theme of ['dark', 'light'] as const) {
    describe(`${theme} theme`, () => {
      // One page per theme: each place is reached as Back/Forward reaches a view, without a reload.
      let board: BoardPage;
      beforeAll(async () => {
        board = await openBoard(browser, `${site.appUrl}?v=1&lang=en&theme=${theme}`, undefined, 120_000);
        await waitForBoardReady(board.page);
        // The data layers sit on their own canvas above the basemap: hide them, keep the page.
        await board.page.addStyleTag({ content: '.maplibregl-map canvas:not(.maplibregl-canvas) { visibility: hidden !important; }' });
      });
      afterAll(async () => {
        expect(board.blockedRequests).toEqual([]);
        expect(board.pageErrors).toEqual([]);
        await board?.context.close();
      });

      for (const place of PORT_ZOOM_PLACES) {
        const { zoom, lat, lon } = place.view;
        it(`draws the reclaimed land of ${place.id} as land at zoom ${zoom}`, async () => {
          const { page } = board;
          await goToCamera(page, `?v=1&lang=en&theme=${theme}&c=${zoom}/${lat}/${lon}`, zoom);
          await saveScreenshot(page, `basemap-${place.id}-${theme}`);
          // For the probes, nothing but the basemap canvas: no panel, badge or control on top.
          const only = await page.addStyleTag({ content: 'body * { visibility: hidden !important; } canvas.maplibregl-canvas { visibility: visible !important; }' });
          try {
            const points = await probePixels(page, place);
            const colours = await pixelsOf(page, await page.screenshot(), points);
            const seen = place.probes.map(({ name, expected }, i) => {
              const { name: colour, distance } = basemapColourName(theme, colours[i]);
              return { probe: name, expected: expected ?? 'water', colour, close: distance <= 8 };
            });
            expect(seen).toEqual(seen.map((s) => ({ ...s, colour: s.expected, close: true })));
          } finally {
            await only.evaluate((element) => element.parentNode?.removeChild(element));
          }
        });
      }
    });
  }
});
