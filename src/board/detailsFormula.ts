import { formatUtc8 } from '../domain/formatUtc8.ts';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { DetailsAnswer, EventRow } from './BoardQuery.ts';
import { categoryName } from './boardLabels.ts';
import { eventWeightTerms } from './eventWeightTerms.ts';
import { formatDuration } from './modelFormula.ts';

/** The formula block of the details drawer, line by line, in one language. */
export interface DetailsFormula {
  /** `w = category weight × severity/5 × reliability × credibility × 2^(−age / 7 d)`. */
  formula: string;
  /** Which events count, and T. */
  window: string;
  /** The score as the sum of its events' weights (null for an event selection). */
  score: string | null;
  categories: string;
  reliability: string;
  credibility: string;
  /** One event's weight worked out with the numbers in force, or null without an event. */
  example: { intro: string; worked: string; outside: string | null } | null;
}

/** Which event the formula works out, and how to introduce it. */
export interface FormulaExample {
  event: EventRow;
  /** 'top': the heaviest of all; 'page': the heaviest of the listed page; 'selected': the selected event. */
  role: 'top' | 'page' | 'selected';
}

const DAY_MS = 86_400_000;

function number(value: number, locale: Locale, digits = 3): string {
  return Number.isFinite(value) ? value.toLocaleString(locale, { maximumFractionDigits: digits }) : '?';
}

/** A weight: four significant digits, so that small weights keep their figures. */
export function formatWeight(value: number, locale: Locale): string {
  if (value === 0) return (0).toLocaleString(locale);
  return value.toLocaleString(locale, { maximumSignificantDigits: 4 });
}

function categoriesLine(weights: DetailsAnswer['weights'], locale: Locale): string {
  const values = CATEGORY_KEYS.map((key) => weights.category[key]);
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  // The weight most categories share (the smallest on a tie), so the line names only the exceptions.
  let common = values[0];
  for (const [value, count] of counts) {
    const best = counts.get(common) ?? 0;
    if (count > best || (count === best && value < common)) common = value;
  }
  const exceptions = CATEGORY_KEYS.filter((key) => weights.category[key] !== common).map((key) => `${categoryName(key, locale)} ${number(weights.category[key], locale)}`);
  return exceptions.length === 0
    ? formatMessage(locale, 'details.formula.categoriesAll', { weight: number(common, locale) })
    : formatMessage(locale, 'details.formula.categoriesSome', { list: exceptions.join(' · '), weight: number(common, locale) });
}

function exampleOf(details: DetailsAnswer, example: FormulaExample, locale: Locale): NonNullable<DetailsFormula['example']> {
  const { event } = example;
  const terms = eventWeightTerms(event, details.weights, details.time);
  const name = `${event.source} · ${event.id}`;
  const intro =
    example.role === 'selected'
      ? formatMessage(locale, 'details.formula.thisEvent')
      : formatMessage(locale, example.role === 'top' ? 'details.formula.heaviest' : 'details.formula.heaviestOnPage', { event: name });
  const days = (value: number, digits: number): string => formatMessage(locale, 'details.days', { value: number(value, locale, digits) });
  const worked = formatMessage(locale, 'details.formula.worked', {
    category: number(terms.categoryWeight, locale),
    severity: terms.severity,
    reliability: number(terms.reliability, locale),
    letter: terms.graded ? terms.letter : `${terms.letter}, ${formatMessage(locale, 'details.formula.ungraded')}`,
    credibility: number(terms.credibility, locale),
    digit: terms.digit,
    age: days(terms.ageMs / DAY_MS, 2),
    halfLife: days(details.weights.halfLifeDays, 3),
    weight: formatWeight(event.weight, locale),
  });
  return { intro, worked, outside: event.weight > 0 ? null : formatMessage(locale, 'details.formula.outside') };
}

/**
 * Why the selected thing scores what it does, with the weights in force (DetailsAnswer.weights):
 * the formula, the window and T in UTC+8, the score as a sum, every weight, and one event's weight
 * worked out with its own numbers — the heaviest event, so an officer can say why it ranks first.
 */
export function detailsFormula(details: DetailsAnswer, example: FormulaExample | null, locale: Locale, isEvent: boolean): DetailsFormula {
  const { weights } = details;
  const letters = RELIABILITY_LETTERS.map((letter) => `${letter} ${number(weights.reliability[letter], locale)}`).join(' · ');
  const digits = ['1', '2', '3', '4', '5', '6'].map((digit) => `${digit}: ${number(weights.credibility[digit], locale)}`).join(' · ');
  return {
    formula: formatMessage(locale, 'details.formula.weight', { halfLife: formatDuration(weights.halfLifeDays, locale) }),
    window: formatMessage(locale, 'details.formula.window', { window: formatDuration(weights.windowDays, locale), time: formatUtc8(details.time, false) }),
    score: isEvent ? null : formatMessage(locale, 'details.formula.score', { count: details.count.toLocaleString(locale), score: formatWeight(details.score, locale) }),
    categories: categoriesLine(weights, locale),
    reliability: formatMessage(locale, 'details.formula.reliability', { list: letters }),
    credibility: formatMessage(locale, 'details.formula.credibility', { list: digits }),
    example: example === null ? null : exampleOf(details, example, locale),
  };
}

/**
 * The event the formula works out for a place: the first listed when the table is sorted by
 * weight, heaviest first, on its first page (the heaviest of all); else the heaviest listed.
 */
export function formulaExample(events: readonly EventRow[], sort: { key: string; descending: boolean }, page: number, isEvent: boolean): FormulaExample | null {
  if (events.length === 0) return null;
  if (isEvent) return { event: events[0], role: 'selected' };
  let heaviest = events[0];
  for (const event of events) if (event.weight > heaviest.weight) heaviest = event;
  const top = sort.key === 'weight' && sort.descending && page === 0;
  return { event: top ? events[0] : heaviest, role: top ? 'top' : 'page' };
}
