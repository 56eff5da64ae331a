import { describe, expect, it } from 'vitest';
import { computeCells } from './computeCells.ts';
import { computeCellsInSlices } from './computeCellsInSlices.ts';

function positions(count: number): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // Runs of repeated positions too, which the cell writer reuses across slice boundaries.
    const k = Math.floor(i / 3);
    lon[i] = 113.2 + (k % 97) * 0.013;
    lat[i] = 21.9 + (k % 89) * 0.011;
  }
  return { lon, lat };
}

describe('computeCellsInSlices', () => {
  it('computes exactly computeCells’ cells, pausing between slices only', async () => {
    const { lon, lat } = positions(1000);
    let pauses = 0;
    const sliced = await computeCellsInSlices(lon, lat, async () => void pauses++, 64);
    expect(sliced).toEqual(computeCells(lon, lat));
    expect(pauses).toBe(Math.ceil(1000 / 64) - 1);
  });

  it('handles no positions and refuses positions of different lengths', async () => {
    const none = await computeCellsInSlices(new Float64Array(0), new Float64Array(0), async () => undefined);
    expect(none.high.length).toBe(0);
    await expect(computeCellsInSlices(new Float64Array(2), new Float64Array(1), async () => undefined)).rejects.toThrow(/longitudes/);
  });
});
