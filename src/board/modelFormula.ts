import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { ViewModel } from '../view/ViewState.ts';
import { categoryName } from './boardLabels.ts';

/** The event-weight formula with the weights in force, line by line, in one language. */
export interface ModelFormula {
  /** `w = category weight × severity/5 × reliability × credibility × 2^(−age / 7 d)`. */
  formula: string;
  /** Which events count: `T − 30 d ≤ t ≤ T`. */
  window: string;
  /** Category weights: one figure when all agree, else the ones that differ and the rest. */
  categories: string;
  reliability: string;
  credibility: string;
}

/** A weight as the formula prints it: up to three decimals, the language's digits. */
function weight(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 3 });
}

/** A duration of `days` for people: whole days as days, anything shorter or fractional in hours. */
export function formatDuration(days: number, locale: Locale): string {
  if (Number.isInteger(days)) return formatMessage(locale, 'model.unit.days', { value: days.toLocaleString(locale) });
  const hours = Math.round(days * 24 * 10) / 10;
  return formatMessage(locale, 'model.unit.hours', { value: hours.toLocaleString(locale) });
}

/** The weight most categories share (the smallest when several tie), so the line names only the exceptions. */
function commonWeight(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0];
  for (const [value, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && value < best)) best = value;
  }
  return best;
}

/** The formula of docs/risk-model.md §1 with `model`'s window, half-life and weights written in. */
export function modelFormula(model: ViewModel, locale: Locale): ModelFormula {
  const weights = CATEGORY_KEYS.map((key) => model.categoryWeights[key]);
  const common = commonWeight(weights);
  const exceptions = CATEGORY_KEYS.filter((key) => model.categoryWeights[key] !== common).map(
    (key) => `${categoryName(key, locale)} ${weight(model.categoryWeights[key], locale)}`,
  );
  const categories =
    exceptions.length === 0
      ? formatMessage(locale, 'model.formula.categoriesAll', { weight: weight(common, locale) })
      : formatMessage(locale, 'model.formula.categoriesSome', { list: exceptions.join(' · '), weight: weight(common, locale) });
  const letters = RELIABILITY_LETTERS.map((letter) => `${letter} ${weight(model.reliability[letter], locale)}`).join(' · ');
  const digits = ([1, 2, 3, 4, 5, 6] as const).map((digit) => `${digit}: ${weight(model.credibility[digit], locale)}`).join(' · ');
  return {
    formula: formatMessage(locale, 'model.formula.weight', { halfLife: formatDuration(model.halfLifeDays, locale) }),
    window: formatMessage(locale, 'model.formula.window', { window: formatDuration(model.windowDays, locale) }),
    categories,
    reliability: formatMessage(locale, 'model.formula.reliability', { list: letters }),
    credibility: formatMessage(locale, 'model.formula.credibility', { list: digits }),
  };
}
