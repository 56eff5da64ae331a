import { getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  cellHalvesToHex,
  cellKey,
  cellKeyHigh,
  cellKeyLow,
  cellResolution,
} from './cellHalves.ts';
import { setCellHalves } from '../events/setCellHalves.ts';

/** The [high, low] halves of a hex H3 id, as chunks store them. */
function hexToCellHalves(hex: string): [number, number] {
  const high = new Uint32Array(1);
  const low = new Uint32Array(1);
  setCellHalves(hex, high, low, 0);
  return [high[0], low[0]];
}

describe('cellHalves', () => {
  it('splits and joins hex ids', () => {
    const hex = latLngToCell(22.2186, 113.5489, 9);
    const [high, low] = hexToCellHalves(hex);
    expect(cellResolution(high)).toBe(9);
    expect(cellHalvesToHex(high, low)).toBe(hex);
  });

  it('keys cells of resolution ≤ 9 losslessly and in hex order', () => {
    const cells = [
      latLngToCell(22.2186, 113.5489, 7),
      latLngToCell(22.5094, 114.0741, 7),
      latLngToCell(22.9875, 113.2686, 7),
      latLngToCell(-33.9, 151.2, 7),
    ];
    for (const hex of cells) {
      const [high, low] = hexToCellHalves(hex);
      const key = cellKey(high, low);
      expect(cellHalvesToHex(cellKeyHigh(key, getResolution(hex)), cellKeyLow(key))).toBe(hex);
    }
    const byKey = [...cells].sort((a, b) => cellKey(...hexToCellHalves(a)) - cellKey(...hexToCellHalves(b)));
    expect(byKey).toEqual([...cells].sort());
  });
});
