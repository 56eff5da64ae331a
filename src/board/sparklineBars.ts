import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { DetailsAnswer } from './BoardQuery.ts';
import { formatWeight } from './detailsFormula.ts';

/** One day of the trend sparkline. */
export interface SparklineBar {
  /** Day index from the sparkline's start. */
  index: number;
  /** UTC+8 date, `YYYY-MM-DD`. */
  date: string;
  value: number;
  /** Height as a share of the highest day, 0..1. */
  height: number;
  /** The day lies in the window at T (else in the window before). */
  inWindow: boolean;
}

/** The sparkline as bars, with its ends' dates and a text summary for screen readers. */
export interface SparklineModel {
  bars: SparklineBar[];
  firstDate: string;
  lastDate: string;
  /** Index of the first day of the window at T (bars before it belong to the previous window). */
  windowStart: number;
  summary: string;
}

/**
 * The daily sparkline of a details answer (per UTC+8 day over the window and the one before) as
 * bars scaled to the highest day, the window's days marked, and a summary that says the two
 * windows' sums (the answer's score and previous score) and the highest day in words.
 */
export function sparklineBars(details: Pick<DetailsAnswer, 'sparkline' | 'trend' | 'time' | 'weights'>, locale: Locale): SparklineModel {
  const { start, dayMs, values } = details.sparkline;
  const windowStart = Math.max(0, Math.floor((details.time - details.weights.windowDays * 86_400_000 - start) / dayMs));
  let max = 0;
  let maxIndex = -1;
  values.forEach((value, index) => {
    if (value > max) {
      max = value;
      maxIndex = index;
    }
  });
  const dateOf = (index: number): string => formatUtc8(start + index * dayMs).slice(0, 10);
  const bars = Array.from(values, (value, index) => ({ index, date: dateOf(index), value, height: max > 0 ? value / max : 0, inWindow: index >= windowStart }));
  const summary =
    maxIndex < 0
      ? formatMessage(locale, 'details.sparkline.empty')
      : formatMessage(locale, 'details.sparkline.summary', {
          now: formatWeight(details.trend.now, locale),
          previous: formatWeight(details.trend.previous, locale),
          day: dateOf(maxIndex),
          value: formatWeight(max, locale),
        });
  return { bars, firstDate: values.length > 0 ? dateOf(0) : '', lastDate: values.length > 0 ? dateOf(values.length - 1) : '', windowStart, summary };
}
