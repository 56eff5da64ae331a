import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallLaunch, wallRootFontPx } from './wallLaunch.ts';
import { TIME_SCALE_LIMITS } from './wallTiming.ts';

describe('wallLaunch', () => {
  it('reads wall mode and the test time scale from the address', () => {
    expect(wallLaunch('https://x.test/app/?mode=wall')).toEqual({ wall: true, testTimeScale: null });
    expect(wallLaunch('https://x.test/app/?v=1&lang=zh-Hans&mode=wall&wallTest=600')).toEqual({ wall: true, testTimeScale: 600 });
    expect(wallLaunch('https://x.test/app/?v=1&mode=board')).toEqual({ wall: false, testTimeScale: null });
    expect(wallLaunch('https://x.test/app/?mode=wall&wallTest=abc').testTimeScale).toBeNull();
    expect(wallLaunch('https://x.test/app/?mode=wall&wallTest=').testTimeScale).toBeNull();
    expect(wallLaunch('not a url')).toEqual({ wall: false, testTimeScale: null });
  });

  it('keeps any numeric time scale inside its limits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (scale) => {
        const read = wallLaunch(`https://x.test/?mode=wall&wallTest=${scale}`).testTimeScale;
        expect(read).toBe(Math.min(TIME_SCALE_LIMITS[1], Math.max(TIME_SCALE_LIMITS[0], Number(String(scale)))));
      }),
    );
  });
});

describe('wallRootFontPx', () => {
  it('scales with the screen, within 16–48 px', () => {
    expect(wallRootFontPx(3840, 2160)).toBe(38.4);
    expect(wallRootFontPx(1920, 1080)).toBe(19.2);
    expect(wallRootFontPx(1600, 1000)).toBe(16);
    expect(wallRootFontPx(0, 0)).toBe(16);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (w, h) => {
        const px = wallRootFontPx(w, h);
        expect(px).toBeGreaterThanOrEqual(16);
        expect(px).toBeLessThanOrEqual(48);
        expect(px).toBe(Math.round(Math.min(48, Math.max(16, Math.min(w / 100, h / 56))) * 10) / 10);
      }),
    );
  });
});
