import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, WEEK_MS } from '../risk/utc8Calendar.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { boundsArbitrary, windowArbitrary } from './timelineArbitraries.ts';
import type { TimelineBounds } from './TimelineBounds.ts';
import {
  keyboardEdit,
  moveTo,
  resizeEnd,
  resizeStart,
  selectRange,
  snapTime,
  timeAtBin,
  timeWindowOf,
  windowDaysOf,
  windowLimits,
  type TimeWindow,
} from './windowEdits.ts';

const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'] as const;

/** True when the view store takes T and the window exactly as given (no notice, nothing changed). */
function acceptedByTheView(window: TimeWindow): boolean {
  const view = defaultViewState();
  view.model.at = window.at;
  view.model.windowDays = windowDaysOf(window);
  const restored = restoreViewState(structuredClone(view));
  return restored.notices.length === 0 && restored.state.model.at === window.at && restored.state.model.windowDays === view.model.windowDays;
}

const onBoundary = (bounds: TimelineBounds, time: number) => (time - bounds.start) % bounds.binMs === 0;
const wholeBins = (bounds: TimelineBounds, length: number) => length % bounds.binMs === 0;

/** Every edit the timeline makes, with a pointer time or key. */
const editArbitrary = fc.oneof(
  fc.record({ kind: fc.constantFrom('move', 'resizeStart', 'resizeEnd', 'select', 'bin'), pointer: fc.double({ min: -1, max: 2, noNaN: true }), other: fc.double({ min: -1, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('key'), target: fc.constantFrom('window', 'time'), key: fc.constantFrom(...KEYS), shift: fc.boolean() }),
);

type Edit = typeof editArbitrary extends fc.Arbitrary<infer E> ? E : never;

function apply(bounds: TimelineBounds, window: TimeWindow, edit: Edit): TimeWindow {
  if (edit.kind === 'key') return keyboardEdit(edit.target as 'window' | 'time', edit.key, edit.shift, bounds, window)!;
  const at = (share: number) => Math.round(bounds.start + share * (bounds.end - bounds.start));
  switch (edit.kind) {
    case 'move':
      return moveTo(bounds, window, at(edit.pointer));
    case 'resizeStart':
      return resizeStart(bounds, window, at(edit.pointer));
    case 'resizeEnd':
      return resizeEnd(bounds, window, at(edit.pointer));
    case 'select':
      return selectRange(bounds, at(edit.pointer), at(edit.other));
    default:
      return timeAtBin(bounds, window, at(edit.pointer));
  }
}

describe('timeline edits', () => {
  it('never leave T outside the histogram span nor the window outside what the view accepts, over any sequence of edits', () => {
    fc.assert(
      fc.property(
        boundsArbitrary.chain((bounds) => fc.tuple(fc.constant(bounds), windowArbitrary(bounds), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }))),
        ([bounds, start, edits]) => {
          let window = start;
          for (const edit of edits) {
            window = apply(bounds, window, edit);
            expect(window.at).toBeGreaterThanOrEqual(bounds.start);
            expect(window.at).toBeLessThanOrEqual(bounds.end);
            const { min, max } = windowLimits(bounds);
            expect(window.windowMs).toBeGreaterThanOrEqual(min);
            expect(window.windowMs).toBeLessThanOrEqual(max);
            expect(acceptedByTheView(window)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('snap T to a bin boundary and lengths to whole bins', () => {
    fc.assert(
      fc.property(
        boundsArbitrary.chain((bounds) => fc.tuple(fc.constant(bounds), windowArbitrary(bounds), editArbitrary)),
        ([bounds, window, edit]) => {
          const edited = apply(bounds, window, edit);
          const keepsT = edit.kind === 'resizeStart' || (edit.kind === 'key' && edit.target === 'window' && (edit.key === 'PageUp' || edit.key === 'PageDown'));
          if (!keepsT) expect(onBoundary(bounds, edited.at)).toBe(true);
          const changesLength = edit.kind === 'resizeStart' || edit.kind === 'resizeEnd' || edit.kind === 'select' || (edit.kind === 'key' && edit.target === 'window' && edit.key.startsWith('Page'));
          if (changesLength && bounds.binMs <= 3650 * DAY_MS) expect(wholeBins(bounds, edited.windowMs)).toBe(true);
          if (!changesLength) expect(edited.windowMs).toBe(Math.min(windowLimits(bounds).max, Math.max(windowLimits(bounds).min, window.windowMs)));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('snaps to the nearest boundary: never more than half a bin away inside the span', () => {
    fc.assert(
      fc.property(
        boundsArbitrary.chain((bounds) => fc.tuple(fc.constant(bounds), fc.integer({ min: bounds.start, max: bounds.end }))),
        ([bounds, time]) => {
          const snapped = snapTime(bounds, time);
          expect(Math.abs(snapped - time)).toBeLessThanOrEqual(bounds.binMs / 2);
          expect(onBoundary(bounds, snapped)).toBe(true);
        },
      ),
    );
  }, 60_000);

  it('moves T one bin per arrow, back and forth, keeping the length', () => {
    fc.assert(
      fc.property(
        boundsArbitrary.filter((b) => b.end - b.start >= 3 * b.binMs).chain((bounds) =>
          fc.tuple(fc.constant(bounds), fc.integer({ min: 1, max: (bounds.end - bounds.start) / bounds.binMs - 1 }), fc.constantFrom('window', 'time')),
        ),
        ([bounds, k, target]) => {
          const window = { at: bounds.start + k * bounds.binMs, windowMs: windowLimits(bounds).min };
          const right = keyboardEdit(target as 'window', 'ArrowRight', false, bounds, window)!;
          expect(right).toEqual({ at: window.at + bounds.binMs, windowMs: window.windowMs });
          expect(keyboardEdit(target as 'window', 'ArrowLeft', false, bounds, right)).toEqual(window);
        },
      ),
    );
  }, 60_000);

  it('steps to the next boundary from a T between boundaries (a T that follows now)', () => {
    const bounds = { start: Date.UTC(2026, 0, 1, -8), end: Date.UTC(2026, 2, 1, -8), binMs: DAY_MS };
    const now = bounds.start + 40 * DAY_MS + 5 * HOUR_MS + 17_000;
    const window = timeWindowOf(now, 30);
    expect(keyboardEdit('time', 'ArrowRight', false, bounds, window)!.at).toBe(bounds.start + 41 * DAY_MS);
    expect(keyboardEdit('time', 'ArrowLeft', false, bounds, window)!.at).toBe(bounds.start + 40 * DAY_MS);
    expect(keyboardEdit('time', 'ArrowRight', true, bounds, window)!.at).toBe(bounds.start + 47 * DAY_MS);
    expect(keyboardEdit('window', 'PageUp', false, bounds, window)).toEqual({ at: now, windowMs: 31 * DAY_MS });
    expect(keyboardEdit('window', 'PageDown', true, bounds, window)).toEqual({ at: now, windowMs: 23 * DAY_MS });
    expect(keyboardEdit('window', 'Home', false, bounds, window)!.at).toBe(bounds.start + 30 * DAY_MS);
    expect(keyboardEdit('time', 'Home', false, bounds, window)!.at).toBe(bounds.start);
    expect(keyboardEdit('time', 'End', false, bounds, window)!.at).toBe(bounds.end);
    expect(keyboardEdit('time', 'Enter', false, bounds, window)).toBeNull();
  });

  it('resizes from either edge: the start keeps T, the end keeps the start', () => {
    const bounds = { start: 0, end: 100 * DAY_MS, binMs: DAY_MS };
    const window = { at: 60 * DAY_MS, windowMs: 30 * DAY_MS };
    expect(resizeStart(bounds, window, 20 * DAY_MS + 3 * HOUR_MS)).toEqual({ at: 60 * DAY_MS, windowMs: 40 * DAY_MS });
    expect(resizeEnd(bounds, window, 80 * DAY_MS - 3 * HOUR_MS)).toEqual({ at: 80 * DAY_MS, windowMs: 50 * DAY_MS });
    // Dragged past the start, the end leaves the shortest window.
    expect(resizeEnd(bounds, window, 10 * DAY_MS)).toEqual({ at: 10 * DAY_MS, windowMs: DAY_MS });
    expect(selectRange(bounds, 50 * DAY_MS, 45 * DAY_MS)).toEqual({ at: 50 * DAY_MS, windowMs: 5 * DAY_MS });
    expect(timeAtBin(bounds, window, 12 * DAY_MS + 1)).toEqual({ at: 13 * DAY_MS, windowMs: 30 * DAY_MS });
  });

  it('keeps the hour, day and week limits of the view', () => {
    expect(windowLimits({ start: 0, end: 10 * HOUR_MS, binMs: HOUR_MS })).toEqual({ min: HOUR_MS, max: 3650 * DAY_MS });
    expect(windowLimits({ start: 0, end: 10 * WEEK_MS, binMs: WEEK_MS })).toEqual({ min: WEEK_MS, max: 521 * WEEK_MS });
  });
});
