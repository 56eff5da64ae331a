import fc from 'fast-check';
import { DAY_MS, HOUR_MS, WEEK_MS } from '../risk/utc8Calendar.ts';
import { VIEW_LIMITS } from '../view/ViewState.ts';
import type { TimelineBounds } from './TimelineBounds.ts';
import type { TimeWindow } from './windowEdits.ts';

/** Bounds as histograms have them: hour, day, week or k-week bins, 1–400 of them, from 1990 on. */
export const boundsArbitrary: fc.Arbitrary<TimelineBounds> = fc
  .record({
    binMs: fc.oneof(fc.constant(HOUR_MS), fc.constant(DAY_MS), fc.constant(WEEK_MS), fc.integer({ min: 2, max: 30 }).map((k) => k * WEEK_MS)),
    hour: fc.integer({ min: Date.UTC(1990, 0, 1) / HOUR_MS, max: Date.UTC(2100, 0, 1) / HOUR_MS }),
    bins: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ binMs, hour, bins }) => ({ start: hour * HOUR_MS, end: hour * HOUR_MS + bins * binMs, binMs }))
  // Event times are valid view instants, so a histogram ends by VIEW_LIMITS.at's end.
  .filter((bounds) => bounds.end <= VIEW_LIMITS.at[1]);

/** A window as a restored view may hold it: T anywhere near (or far from) the bounds, any allowed length. */
export function windowArbitrary(bounds: TimelineBounds): fc.Arbitrary<TimeWindow> {
  const span = bounds.end - bounds.start;
  return fc.record({
    at: fc.oneof(
      fc.integer({ min: bounds.start - 2 * span, max: bounds.end + 2 * span }),
      fc.integer({ min: 0, max: span / bounds.binMs }).map((k) => bounds.start + k * bounds.binMs),
    ),
    windowMs: fc.double({ min: VIEW_LIMITS.windowDays[0], max: VIEW_LIMITS.windowDays[1], noNaN: true }).map((days) => Math.round(days * DAY_MS)),
  });
}
