import { filterSummary } from '../board/filterSummary.ts';
import { formatDuration } from '../board/modelFormula.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { ViewFilters } from '../view/ViewState.ts';

const DAY_MS = 86_400_000;

/** What the caption of a map image says. */
export interface MapCaptionInput {
  /** Evaluation instant T, epoch ms. */
  time: number;
  windowDays: number;
  filters: ViewFilters;
  /** The loaded data's agencies (for "1 of 4 agencies"). */
  sources: readonly string[];
  /** When the image was made, epoch ms. */
  exportedAt: number;
  /** The board shows the synthetic demo set. */
  demo: boolean;
  locale: Locale;
}

/** The caption's text, line by line (each line may still need wrapping to the image's width). */
export interface MapCaption {
  title: string;
  lines: string[];
  /** A warning drawn to stand out (synthetic demo data), or null. */
  warning: string | null;
}

/**
 * The caption drawn under a map image: the board's name, T and the window in 24-hour UTC+8, the
 * filter summary, when it was exported, and a demo-data warning when the data is synthetic.
 */
export function mapCaption(input: MapCaptionInput): MapCaption {
  const { locale } = input;
  const from = input.time - input.windowDays * DAY_MS;
  const lines = [
    formatMessage(locale, 'exports.caption.at', { time: formatUtc8(input.time, false) }),
    formatMessage(locale, 'exports.caption.window', {
      window: formatDuration(input.windowDays, locale),
      from: formatUtc8(from, false),
      to: formatUtc8(input.time, false),
    }),
    formatMessage(locale, 'exports.caption.filters', { summary: filterSummary(input.filters, locale, input.sources) }),
    formatMessage(locale, 'exports.caption.exported', { time: formatUtc8(input.exportedAt, false) }),
  ];
  return {
    title: formatMessage(locale, 'exports.caption.title'),
    lines,
    warning: input.demo ? formatMessage(locale, 'exports.caption.demo') : null,
  };
}
