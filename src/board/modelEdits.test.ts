import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreViewState } from '../view/restoreViewState.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { defaultViewModel, defaultViewState, VIEW_LIMITS, type ViewModel } from '../view/ViewState.ts';
import {
  CATEGORY_WEIGHT_FIELDS,
  CREDIBILITY_WEIGHT_FIELDS,
  editEvaluationTime,
  editField,
  editProblemText,
  evaluationTimeText,
  fieldFeedback,
  fieldLimits,
  fieldValue,
  followNow,
  formatFieldValue,
  parseDecimal,
  RELIABILITY_WEIGHT_FIELDS,
  setField,
  setWindowDays,
  stepField,
  type ModelNumberField,
} from './modelEdits.ts';

const FIELDS: ModelNumberField[] = ['windowDays', 'halfLifeDays', 'resolution', 'siteRadiusKm', ...CATEGORY_WEIGHT_FIELDS, ...RELIABILITY_WEIGHT_FIELDS, ...CREDIBILITY_WEIGHT_FIELDS];

/** The model comes back unchanged and without notices through restoreViewState (links and storage read it so). */
function survivesRestore(model: ViewModel): void {
  const restored = restoreViewState({ ...defaultViewState(), model });
  expect(restored.notices).toEqual([]);
  expect(restored.state.model).toEqual(model);
}

/** What people type: numbers in and out of bounds, in several spellings, and junk. */
const typed = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -20, max: 5000 }).map(String),
  fc.double({ min: -1, max: 60, noNaN: true }).map((value) => value.toFixed(3)),
  fc.constantFrom('', ' ', 'abc', '1,5', '1.2.3', 'NaN', 'Infinity', '-Infinity', '0x10', '1e400', '１２', '.5', '7.', '+3', ' 2 ', '5e-1', '−1'),
  fc.string({ maxLength: 8 }),
);

describe('model edits', () => {
  it('never lets a value restoreViewState would refuse reach the view (any field, any text)', () => {
    fc.assert(
      fc.property(viewStateArbitrary, fc.constantFrom(...FIELDS), typed, ({ model }, field, text) => {
        const { model: next, problem } = editField(model, field, text);
        survivesRestore(next);
        const value = parseDecimal(text);
        if (value === null) {
          expect(problem).toEqual({ kind: 'invalid' });
          expect(next).toBe(model);
          return;
        }
        const { min, max, integer } = fieldLimits(field);
        const expected = Math.min(max, Math.max(min, integer ? Math.round(value) : value));
        expect(fieldValue(next, field)).toBe(integer && (value < min || value > max) ? Math.round(expected) : expected);
        if (value < min || value > max) expect(problem).toEqual({ kind: 'clamped', min, max });
        else if (integer && !Number.isInteger(value)) expect(problem).toEqual({ kind: 'rounded' });
        else expect(problem).toBeNull();
        // Only the edited field changes.
        for (const other of FIELDS) if (other !== field) expect(fieldValue(next, other)).toBe(fieldValue(model, other));
        expect(next.at).toBe(model.at);
      }),
      { numRuns: 1000 },
    );
  });

  it('steps to the next point of the field’s grid, inside the bounds', () => {
    fc.assert(
      fc.property(viewStateArbitrary, fc.constantFrom(...FIELDS), fc.constantFrom<1 | -1>(1, -1), ({ model }, field, direction) => {
        const value = fieldValue(model, field);
        const { model: next, problem } = stepField(model, field, direction);
        survivesRestore(next);
        const stepped = fieldValue(next, field);
        const { min, max } = fieldLimits(field);
        if (problem !== null) {
          expect(problem.kind).toBe('clamped');
          expect(stepped).toBe(direction > 0 ? max : min);
          return;
        }
        // Moved the asked way, by at most one step, onto the grid (hours below a day, else days; 0.1; 0.5 km; 1).
        expect(Math.sign(stepped - value)).toBe(direction);
        const unit = field === 'windowDays' || field === 'halfLifeDays' ? (Math.min(value, stepped) < 1 ? 1 / 24 : 1) : field === 'resolution' ? 1 : field === 'siteRadiusKm' ? 0.5 : 0.1;
        expect(Math.abs(stepped - value)).toBeLessThanOrEqual(unit + 1e-9);
        expect(Math.abs(stepped / unit - Math.round(stepped / unit))).toBeLessThan(1e-6);
      }),
      { numRuns: 1000 },
    );
  });

  it('steps a value on the grid, or a hair off it, by exactly one step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), fc.constantFrom(...CATEGORY_WEIGHT_FIELDS), (k, field) => {
        const model = setField(defaultViewModel(), field, k / 10).model;
        expect(fieldValue(stepField(model, field, 1).model, field)).toBe((k + 1) / 10);
        expect(fieldValue(stepField(model, field, -1).model, field)).toBe((k - 1) / 10);
      }),
      { numRuns: 500 },
    );
    // 0.1 + 0.2 = 0.30000000000000004 and 3 × 1.1 = 3.3000000000000003 in binary.
    const model = { ...defaultViewModel(), reliability: { ...defaultViewModel().reliability, B: 0.1 + 0.2, C: 3 * 1.1 } };
    expect(fieldValue(stepField(model, 'reliability:B', -1).model, 'reliability:B')).toBe(0.2);
    expect(fieldValue(stepField(model, 'reliability:C', 1).model, 'reliability:C')).toBe(3.4);
  });

  it('steps on the grid back and forth to where it started', () => {
    const model = defaultViewModel();
    for (const field of FIELDS) {
      const up = stepField(model, field, 1).model;
      expect(stepField(up, field, -1).model).toEqual(model);
    }
    expect(fieldValue(stepField(model, 'category:tobacco', 1).model, 'category:tobacco')).toBe(1.1);
    expect(fieldValue(stepField(model, 'reliability:B', -1).model, 'reliability:B')).toBe(0.7);
    expect(fieldValue(stepField({ ...model, halfLifeDays: 1 }, 'halfLifeDays', -1).model, 'halfLifeDays')).toBe(23 / 24);
    expect(fieldValue(stepField({ ...model, halfLifeDays: 23 / 24 }, 'halfLifeDays', 1).model, 'halfLifeDays')).toBe(1);
    expect(fieldValue(stepField({ ...model, windowDays: 7.25 }, 'windowDays', 1).model, 'windowDays')).toBe(8);
    expect(stepField({ ...model, resolution: 9 }, 'resolution', 1).problem).toEqual({ kind: 'clamped', min: 5, max: 9 });
    expect(stepField({ ...model, siteRadiusKm: 0 }, 'siteRadiusKm', -1)).toEqual({ model: { ...model, siteRadiusKm: 0 }, problem: { kind: 'clamped', min: 0, max: 50 } });
  });

  it('reads decimals as people type them, and nothing else', () => {
    const read: [string, number][] = [['1.5', 1.5], [' 2 ', 2], ['１．５', 1.5], ['.5', 0.5], ['7.', 7], ['+3', 3], ['5e-1', 0.5], ['-0.25', -0.25]];
    for (const [text, value] of read) expect(parseDecimal(text), text).toBe(value);
    for (const text of ['', '1,5', '1.2.3', 'NaN', 'Infinity', '0x10', '1e400', 'abc', '−1', '1 000']) expect(parseDecimal(text), text).toBeNull();
  });

  it('shows values without binary noise', () => {
    expect(formatFieldValue(0.1 + 0.2)).toBe('0.3');
    expect(formatFieldValue(1 / 24)).toBe('0.0416667');
    expect(formatFieldValue(3650)).toBe('3650');
  });

  it('sets a window preset inside the bounds', () => {
    expect(setWindowDays(defaultViewModel(), 7).model.windowDays).toBe(7);
    expect(setWindowDays(defaultViewModel(), 5000).model.windowDays).toBe(VIEW_LIMITS.windowDays[1]);
  });

  it('sets T from UTC+8 text, refuses what is no date and time, and follows now again', () => {
    const model = defaultViewModel();
    const fixed = editEvaluationTime(model, '2026-11-20 12:00');
    expect(fixed).toEqual({ model: { ...model, at: Date.parse('2026-11-20T12:00:00+08:00') }, problem: null });
    expect(evaluationTimeText(fixed.model.at, null)).toBe('2026-11-20 12:00');
    expect(evaluationTimeText(null, Date.parse('2026-03-01T00:00:00+08:00'))).toBe('2026-03-01 00:00');
    expect(evaluationTimeText(null, null)).toBe('');
    expect(editEvaluationTime(model, 'tomorrow')).toEqual({ model, problem: { kind: 'invalid' } });
    const late = editEvaluationTime(model, '2400-01-01 00:00');
    expect(late.model.at).toBe(VIEW_LIMITS.at[1]);
    expect(late.problem).toEqual({ kind: 'clamped', min: VIEW_LIMITS.at[0], max: VIEW_LIMITS.at[1] });
    survivesRestore(late.model);
    expect(followNow(fixed.model).at).toBeNull();
    expect(followNow(model)).toBe(model);
  });

  it('explains refused and held input in every language', () => {
    expect(editProblemText({ kind: 'invalid' }, 'en')).toBe('Not a number: not applied.');
    expect(editProblemText({ kind: 'clamped', min: 0, max: 1000 }, 'en')).toBe('Held to the allowed range, 0 to 1,000.');
    expect(editProblemText({ kind: 'clamped', min: VIEW_LIMITS.at[0], max: VIEW_LIMITS.at[1] }, 'en', 'time')).toBe('Held to the allowed range, 1970-01-01 08:00 to 2200-01-01 08:00.');
    expect(editProblemText({ kind: 'invalid' }, 'zh-Hant', 'time')).toBe('不是日期時間（YYYY-MM-DD HH:mm）：未套用。');
    expect(editProblemText({ kind: 'rounded' }, 'zh-Hans')).toBe('已取整。');
  });
});

describe('fieldFeedback', () => {
  it('marks refused input, and says nothing when the input was taken', () => {
    expect(fieldFeedback(null, 'en')).toBeNull();
    expect(fieldFeedback({ kind: 'invalid' }, 'en')).toEqual({ text: 'Not a number: not applied.', refused: true });
    expect(fieldFeedback({ kind: 'rounded' }, 'en')?.refused).toBe(false);
  });
});
