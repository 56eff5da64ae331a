import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkedFeeds, MAX_LINKED_FEEDS } from './linkedFeeds.ts';

const BASE = 'https://intra.example.org/tidegate/';

describe('linkedFeeds', () => {
  it('reads http(s) feed URLs once each and refuses the rest', () => {
    const href = `${BASE}?v=1&feed=${encodeURIComponent('https://feeds.example.org/hk.csv')}&feed=${encodeURIComponent('https://feeds.example.org/hk.csv')}&feed=javascript:alert(1)&feed=${encodeURIComponent('https://user:pw@x.example/a')}&feed=nope`;
    expect(linkedFeeds(href)).toEqual({ urls: ['https://feeds.example.org/hk.csv'], refused: 3 });
  });

  it('takes at most eight, and never throws on any query', () => {
    const many = Array.from({ length: 12 }, (_, i) => `feed=${encodeURIComponent(`https://f.example/${i}.csv`)}`).join('&');
    expect(linkedFeeds(`${BASE}?${many}`).urls).toHaveLength(MAX_LINKED_FEEDS);
    fc.assert(fc.property(fc.string(), (query) => void linkedFeeds(`${BASE}?feed=${query}`)));
  });
});
