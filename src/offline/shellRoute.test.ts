import { describe, expect, it } from 'vitest';
import { shellRoute } from './shellRoute.ts';

const SCOPE = 'https://ops.example/ops/tidegate/';
const FILES = new Set(['index.html', 'assets/index-a.js', 'assets/gbaBasemap-b.json', 'assets/noto sans.woff2']);
const get = (url: string, mode = 'cors') => shellRoute({ url, method: 'GET', mode }, SCOPE, FILES);

describe('shellRoute', () => {
  it('answers a page load of the app folder or its index.html, with any query or hash, from the stored page', () => {
    for (const url of [SCOPE, `${SCOPE}index.html`, `${SCOPE}?lang=zh-Hant&theme=light`, `${SCOPE}#view=9/22.5/114.1`]) {
      expect(get(url, 'navigate')).toEqual({ kind: 'page' });
    }
  });

  it('answers a stored file from the cache, by its path under the scope, without the query', () => {
    expect(get(`${SCOPE}assets/index-a.js`)).toEqual({ kind: 'file', path: 'assets/index-a.js' });
    expect(get(`${SCOPE}assets/gbaBasemap-b.json?x=1`)).toEqual({ kind: 'file', path: 'assets/gbaBasemap-b.json' });
    expect(get(`${SCOPE}assets/noto%20sans.woff2`)).toEqual({ kind: 'file', path: 'assets/noto sans.woff2' });
  });

  it('leaves everything else to the network: feeds, other folders and origins, unknown files, other methods, other page loads', () => {
    const network = { kind: 'network' };
    expect(get('https://feeds.example/hkced.csv')).toEqual(network);
    expect(get('https://ops.example/feeds/assets/index-a.js')).toEqual(network);
    expect(get('https://ops.example:8443/ops/tidegate/assets/index-a.js')).toEqual(network);
    expect(get(`${SCOPE}assets/unknown.js`)).toEqual(network);
    expect(get(`${SCOPE}assets/%E0%A4%A.js`)).toEqual(network);
    expect(get(`${SCOPE}docs/help.html`, 'navigate')).toEqual(network);
    expect(get('https://ops.example/ops/', 'navigate')).toEqual(network);
    expect(shellRoute({ url: `${SCOPE}assets/index-a.js`, method: 'POST', mode: 'cors' }, SCOPE, FILES)).toEqual(network);
    expect(get('not a url')).toEqual(network);
  });
});
