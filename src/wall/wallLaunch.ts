import { TIME_SCALE_LIMITS } from './wallTiming.ts';

/**
 * The test-only query parameter that compresses the wall's time (`?mode=wall&wallTest=600` runs
 * 600× faster: cycle, alert holds, polls, staleness, the watchdog) and exposes the wall's test
 * hooks on `window.__tidegateWall`. Only the soak run and the wall's e2e tests use it; a real wall
 * never carries it.
 */
export const WALL_TEST_PARAM = 'wallTest';

/** How a page was asked to open. */
export interface WallLaunch {
  /** The address asks for wall mode (`mode=wall`). */
  wall: boolean;
  /** The test time scale (≥ 1), or null on a real wall. */
  testTimeScale: number | null;
}

/**
 * Reads the opening address: wall mode when its `mode` parameter is `wall` (with or without the
 * rest of a versioned view), and the test time scale when `wallTest` holds a number (clamped to
 * TIME_SCALE_LIMITS; anything else leaves the wall at real time).
 */
export function wallLaunch(href: string): WallLaunch {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return { wall: false, testTimeScale: null };
  }
  const wall = params.get('mode') === 'wall';
  const raw = params.get(WALL_TEST_PARAM);
  const scale = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  const testTimeScale = Number.isFinite(scale) ? Math.min(TIME_SCALE_LIMITS[1], Math.max(TIME_SCALE_LIMITS[0], scale)) : null;
  return { wall, testTimeScale };
}

/**
 * The wall's root font size, CSS px, for a screen of `width` × `height` CSS px: every size of the
 * page is in rem, so this one number scales type, marks and lines together. A 1920×1080 screen
 * gets 19 px, a 3840×2160 wall 38 px (readable from several metres); never below 16 px.
 */
export function wallRootFontPx(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) return 16;
  return Math.round(Math.min(48, Math.max(16, Math.min(width / 100, height / 56))) * 10) / 10;
}
