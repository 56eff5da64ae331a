import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { parseUtc8DateTime } from '../domain/parseUtc8DateTime.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { CredibilityDigit, ReliabilityLetter } from '../risk/RiskParams.ts';
import { VIEW_LIMITS, type ViewModel } from '../view/ViewState.ts';

/**
 * The model panel's edits, as pure functions: text typed into a field is read, refused when it is
 * not a number, and held inside VIEW_LIMITS (the bounds restoreViewState enforces) when it is out
 * of them, so what reaches the view store is always a view restoreViewState would accept. Each
 * edit says what it did to the text (refused, clamped, rounded), for the panel to show.
 */

/** A number of the model the panel edits. */
export type ModelNumberField =
  | 'windowDays'
  | 'halfLifeDays'
  | 'resolution'
  | 'siteRadiusKm'
  | `category:${CategoryKey}`
  | `reliability:${ReliabilityLetter}`
  | `credibility:${CredibilityDigit}`;

/** What an edit did instead of taking the text as it was. */
export type EditProblem =
  /** Not a number (or not a date and time): refused, the model is unchanged. */
  | { kind: 'invalid' }
  /** Outside [min, max]: the nearest bound was taken. */
  | { kind: 'clamped'; min: number; max: number }
  /** A whole number was needed: the nearest was taken. */
  | { kind: 'rounded' };

/** The outcome of one edit: the model to show (the same object when nothing changed) and what was done to the input. */
export interface ModelEdit {
  model: ViewModel;
  problem: EditProblem | null;
}

/** Window lengths offered as one click, days. */
export const WINDOW_PRESETS: readonly number[] = [1, 7, 14, 30, 90];

/** Every weight field, in panel order. */
export const CATEGORY_WEIGHT_FIELDS = CATEGORY_KEYS.map((key) => `category:${key}` as const);
export const RELIABILITY_WEIGHT_FIELDS = RELIABILITY_LETTERS.map((letter) => `reliability:${letter}` as const);
export const CREDIBILITY_WEIGHT_FIELDS = ([1, 2, 3, 4, 5, 6] as const).map((digit) => `credibility:${digit}` as const);

/** Bounds of a field (inclusive) and whether it takes whole numbers only. */
export function fieldLimits(field: ModelNumberField): { min: number; max: number; integer: boolean } {
  const [min, max] = field === 'windowDays' || field === 'halfLifeDays' || field === 'resolution' || field === 'siteRadiusKm' ? VIEW_LIMITS[field] : VIEW_LIMITS.weight;
  return { min, max, integer: field === 'resolution' };
}

/** A field's value in `model`. */
export function fieldValue(model: ViewModel, field: ModelNumberField): number {
  const [group, key] = field.split(':') as [string, string | undefined];
  if (key === undefined) return model[field as 'windowDays' | 'halfLifeDays' | 'resolution' | 'siteRadiusKm'];
  if (group === 'category') return model.categoryWeights[key as CategoryKey];
  if (group === 'reliability') return model.reliability[key as ReliabilityLetter];
  return model.credibility[Number(key) as CredibilityDigit];
}

/** `model` with one field set (no checks: callers pass a held value); the same object when the value is unchanged. */
function withField(model: ViewModel, field: ModelNumberField, value: number): ViewModel {
  if (fieldValue(model, field) === value) return model;
  const [group, key] = field.split(':') as [string, string | undefined];
  if (key === undefined) return { ...model, [field]: value };
  if (group === 'category') return { ...model, categoryWeights: { ...model.categoryWeights, [key]: value } };
  if (group === 'reliability') return { ...model, reliability: { ...model.reliability, [key]: value } };
  return { ...model, credibility: { ...model.credibility, [Number(key)]: value } };
}

/**
 * A decimal number typed by a person: digits with an optional sign, point and exponent; full-width
 * forms (Chinese input methods) read as ASCII. No grouping (`1,5` and `1 000` are refused, not guessed).
 * Null for anything else.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.normalize('NFKC').trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(compact)) return null;
  // + 0 turns −0 into 0: the view would keep a sign no one sees.
  const value = Number(compact) + 0;
  return Number.isFinite(value) ? value : null;
}

/** A field value as its input shows it: plain ASCII, at most six significant digits, no grouping. */
export function formatFieldValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** `value` held to the field's bounds (and made whole where needed), with what that took. */
function held(field: ModelNumberField, value: number): { value: number; problem: EditProblem | null } {
  const { min, max, integer } = fieldLimits(field);
  if (value < min || value > max) {
    const bound = value < min ? min : max;
    return { value: integer ? Math.round(bound) : bound, problem: { kind: 'clamped', min, max } };
  }
  if (integer && !Number.isInteger(value)) return { value: Math.round(value), problem: { kind: 'rounded' } };
  return { value, problem: null };
}

/** Sets a field to `value`, held inside its bounds. */
export function setField(model: ViewModel, field: ModelNumberField, value: number): ModelEdit {
  if (!Number.isFinite(value)) return { model, problem: { kind: 'invalid' } };
  const result = held(field, value);
  return { model: withField(model, field, result.value), problem: result.problem };
}

/** Sets a field from the text typed into it: refused when it is not a number, else held inside its bounds. */
export function editField(model: ViewModel, field: ModelNumberField, text: string): ModelEdit {
  const value = parseDecimal(text);
  return value === null ? { model, problem: { kind: 'invalid' } } : setField(model, field, value);
}

/**
 * Grid of a field's stepper, as steps per unit: the value moves to the next multiple of 1/n. Days
 * step by hours below a day (where VIEW_LIMITS' shortest window and half-life lie) and by days
 * from a day on; weights by 0.1; the radius by 0.5 km; the resolution by 1.
 */
function stepsPerUnit(field: ModelNumberField, value: number, direction: 1 | -1): number {
  if (field === 'windowDays' || field === 'halfLifeDays') return (direction > 0 ? value < 1 : value <= 1) ? 24 : 1;
  if (field === 'resolution') return 1;
  if (field === 'siteRadiusKm') return 2;
  return 10;
}

/** Moves a field one step up (1) or down (−1) to the next point of its grid, held inside its bounds. */
export function stepField(model: ViewModel, field: ModelNumberField, direction: 1 | -1): ModelEdit {
  const value = fieldValue(model, field);
  const n = stepsPerUnit(field, value, direction);
  // A value a hair off a grid point (0.30000000000000004, from arithmetic elsewhere) counts as on it, so a step always moves visibly.
  const scaled = value * n;
  const k = direction > 0 ? Math.floor(scaled + 1e-7) + 1 : Math.ceil(scaled - 1e-7) - 1;
  return setField(model, field, k / n);
}

/** Sets the window length (days), held inside its bounds. */
export function setWindowDays(model: ViewModel, days: number): ModelEdit {
  return setField(model, 'windowDays', days);
}

/** The text of the evaluation-instant field: `YYYY-MM-DD HH:mm` in UTC+8, of `at` or (following now) of the instant in use. */
export function evaluationTimeText(at: number | null, inUse: number | null): string {
  const time = at ?? inUse;
  return time === null ? '' : formatUtc8(time, false);
}

/**
 * Sets T from text typed as UTC+8 wall-clock time (`2026-11-20 12:00`): refused when it is no date
 * and time, held inside VIEW_LIMITS.at otherwise.
 */
export function editEvaluationTime(model: ViewModel, text: string): ModelEdit {
  const time = parseUtc8DateTime(text);
  if (time === null) return { model, problem: { kind: 'invalid' } };
  const [min, max] = VIEW_LIMITS.at;
  const at = Math.min(max, Math.max(min, time));
  const problem: EditProblem | null = at === time ? null : { kind: 'clamped', min, max };
  return { model: at === model.at ? model : { ...model, at }, problem };
}

/** Lets T follow the present again. */
export function followNow(model: ViewModel): ViewModel {
  return model.at === null ? model : { ...model, at: null };
}

/**
 * What the panel says under a field after an edit it could not take as typed, in `locale`; a
 * `time` field names its bounds as UTC+8 instants.
 */
export function editProblemText(problem: EditProblem, locale: Locale, subject: 'number' | 'time' = 'number'): string {
  switch (problem.kind) {
    case 'invalid':
      return formatMessage(locale, subject === 'time' ? 'model.problem.invalidTime' : 'model.problem.invalid');
    case 'rounded':
      return formatMessage(locale, 'model.problem.rounded');
    case 'clamped': {
      const bound = (value: number) => (subject === 'time' ? formatUtc8(value, false) : value.toLocaleString(locale, { maximumFractionDigits: 4 }));
      return formatMessage(locale, 'model.problem.clamped', { min: bound(problem.min), max: bound(problem.max) });
    }
  }
}

/** What a field shows after an edit: the explanation, and whether the input was refused (kept, not applied). */
export interface FieldFeedback {
  text: string;
  refused: boolean;
}

/** The feedback of an edit's problem, or null when the input was taken as typed. */
export function fieldFeedback(problem: EditProblem | null, locale: Locale, subject: 'number' | 'time' = 'number'): FieldFeedback | null {
  return problem === null ? null : { text: editProblemText(problem, locale, subject), refused: problem.kind === 'invalid' };
}
