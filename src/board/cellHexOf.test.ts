import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellHexOf, rankOfCell } from './cellHexOf.ts';

describe('cellHexOf', () => {
  it('prints the id h3-js gives, for random cells at every board resolution', () => {
    fc.assert(
      fc.property(fc.double({ min: 21, max: 25, noNaN: true }), fc.double({ min: 111, max: 116, noNaN: true }), fc.integer({ min: 0, max: 15 }), (lat, lon, resolution) => {
        const hex = latLngToCell(lat, lon, resolution);
        const high = Number.parseInt(hex.slice(0, -8), 16);
        const low = Number.parseInt(hex.slice(-8), 16);
        expect(cellHexOf(high, low)).toBe(hex);
      }),
    );
  });

  it('finds a cell’s rank by its id, and -1 for an unknown or malformed id', () => {
    const hexes = ['872830828ffffff', '87283082effffff', '8728308a1ffffff'];
    const high = Uint32Array.from(hexes, (hex) => Number.parseInt(hex.slice(0, -8), 16));
    const low = Uint32Array.from(hexes, (hex) => Number.parseInt(hex.slice(-8), 16));
    hexes.forEach((hex, rank) => expect(rankOfCell(hex, high, low, 3)).toBe(rank));
    expect(rankOfCell('8728308a1ffffff', high, low, 2)).toBe(-1);
    expect(rankOfCell('872830828fffff0', high, low, 3)).toBe(-1);
    expect(rankOfCell('<script>', high, low, 3)).toBe(-1);
  });
});
