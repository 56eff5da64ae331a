import { describe, expect, it } from 'vitest';
import { precacheList } from './precacheList.ts';

describe('precacheList', () => {
  it('keeps the page, scripts, workers, styles, fonts (woff2), basemap and wasm; index.html first, the rest sorted', () => {
    const list = precacheList([
      'assets/index-abc.js',
      'sw.js',
      'assets/noto-sans-sc-1-400-normal-x.woff',
      'assets/noto-sans-sc-1-400-normal-x.woff2',
      'assets/gbaBasemap-q.json',
      'index.html',
      'assets/maplibre-gl-worker-z.mjs',
      'assets/index-abc.js.map',
      'assets/engine-k.wasm',
      'assets/index-d.css',
    ]);
    expect(list).toEqual([
      'index.html',
      'assets/engine-k.wasm',
      'assets/gbaBasemap-q.json',
      'assets/index-abc.js',
      'assets/index-d.css',
      'assets/maplibre-gl-worker-z.mjs',
      'assets/noto-sans-sc-1-400-normal-x.woff2',
    ]);
  });

  it('gives the same list whatever order the build reports its files in, without duplicates', () => {
    const files = ['index.html', 'assets/b.js', 'assets/a.js', 'assets/a.js'];
    expect(precacheList(files)).toEqual(precacheList([...files].reverse()));
    expect(precacheList(files)).toEqual(['index.html', 'assets/a.js', 'assets/b.js']);
  });

  it('refuses a build without index.html and names outside the build folder', () => {
    expect(() => precacheList(['assets/a.js'])).toThrow(/no index\.html/);
    expect(() => precacheList(['index.html', '../secret.js'])).toThrow(/inside the build folder/);
    expect(() => precacheList(['index.html', '/etc/passwd'])).toThrow(/relative/);
  });
});
