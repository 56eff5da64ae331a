import { describe, expect, it } from 'vitest';
import { lazyChunkStrings } from './lazyChunkStrings.ts';

describe('lazyChunkStrings', () => {
  function make() {
    const calls = { ids: 0, links: 0, descriptions: 0 };
    const strings = lazyChunkStrings(
      { sources: ['HKCED'], sites: [], channels: [] },
      {
        ids: () => (calls.ids++, ['a', 'b']),
        links: () => (calls.links++, ['', 'HKCED:a']),
        descriptions: () => (calls.descriptions++, ['x', '走私']),
      },
    );
    return { strings, calls };
  }

  it('unpacks a column on its first read only, and keeps it', () => {
    const { strings, calls } = make();
    expect(calls).toEqual({ ids: 0, links: 0, descriptions: 0 });
    expect(strings.ids).toEqual(['a', 'b']);
    expect(strings.ids).toBe(strings.ids);
    expect(calls).toEqual({ ids: 1, links: 0, descriptions: 0 });
    expect(strings.sources).toEqual(['HKCED']);
  });

  it('clones, spreads and serialises like plain arrays', () => {
    const { strings } = make();
    expect(structuredClone(strings)).toEqual({
      sources: ['HKCED'],
      sites: [],
      channels: [],
      ids: ['a', 'b'],
      links: ['', 'HKCED:a'],
      descriptions: ['x', '走私'],
    });
    expect({ ...strings }.descriptions).toEqual(['x', '走私']);
    expect(JSON.parse(JSON.stringify(strings)).links).toEqual(['', 'HKCED:a']);
  });

  it('takes a replacement column', () => {
    const { strings, calls } = make();
    strings.ids = ['c'];
    expect(strings.ids).toEqual(['c']);
    expect(calls.ids).toBe(0);
  });
});
