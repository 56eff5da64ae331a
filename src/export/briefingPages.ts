import type { HotspotItem } from '../board/BoardQuery.ts';
import { categoryName, nearPlaceName } from '../board/boardLabels.ts';
import { topShare, trendDirection } from '../board/rankedListText.ts';
import { scoreFraction, scoreTicks, sequentialCssStops } from '../board/sequentialScale.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { Theme, ViewState } from '../view/ViewState.ts';
import { mapCaption } from './mapCaption.ts';
import { mapLegend, type LegendBlock } from './mapLegend.ts';

/** Hotspots a briefing page lists. */
export const BRIEFING_TOP_HOTSPOTS = 10;

/** What the board answered for one view of a briefing (the page needs no per-event data). */
export interface BriefingAnswer {
  /** Evaluation instant T the answer is for, epoch ms. */
  time: number;
  /** The ranked, described hotspots (the board's top ones), best first. */
  hotspots: readonly HotspotItem[];
  /** Every hotspot with a score. */
  hotspotCount: number;
  /** The top hotspot's score (0 without hotspots), which the colour scale is relative to. */
  topScore: number;
}

/** One view of a briefing as it was shown for printing, with its note and the board's answer. */
export interface BriefingViewAnswer {
  view: ViewState;
  note: string;
  /** The view's name in the briefing; pages without one are called "View n". */
  title?: string;
  answer: BriefingAnswer;
}

/** What the pages of a briefing are made from. */
export interface BriefingPagesInput {
  views: readonly BriefingViewAnswer[];
  /** The loaded data's agencies (for the filter summary's "1 of 4 agencies"). */
  sources: readonly string[];
  /** The board shows the synthetic demo set (every page says so). */
  demo: boolean;
  /** Who prepared the briefing, or null when unknown. */
  creator: string | null;
  /** When the pages were made, epoch ms. */
  printedAt: number;
  /** Language and theme of the printed pages. */
  locale: Locale;
  theme: Theme;
}

/** One row of a page's hotspot table, every cell as text. */
export interface BriefingHotspotRow {
  rank: string;
  /** The H3 cell, for a key and for whoever needs the id. */
  cell: string;
  place: string;
  score: string;
  events: string;
  /** Which way the score moved: up, down, flat or new (for styling), and its text. */
  trend: { direction: 'up' | 'down' | 'flat' | 'new'; text: string };
  category: string;
}

/** The table's column headings, in order. */
export interface BriefingColumns {
  rank: string;
  place: string;
  score: string;
  events: string;
  trend: string;
  category: string;
}

/** Everything one printed page shows, as text (the map image is added by the page renderer). */
export interface BriefingPage {
  /** 1-based. */
  number: number;
  title: string;
  /** T, the window and the filters, one line each. */
  summary: string[];
  /** A warning to stand out (synthetic demo data), or null. */
  warning: string | null;
  legend: LegendBlock[];
  hotspotHeading: string;
  columns: BriefingColumns;
  hotspots: BriefingHotspotRow[];
  /** Said instead of the table when there are no hotspots. */
  emptyText: string;
  noteHeading: string;
  /** The view's note as written (rendered as text), or null when it has none. */
  note: string | null;
  /** Who prepared it and when it was printed; and "Page n of N". */
  footer: string;
  pageLabel: string;
}

function hotspotRow(item: HotspotItem, locale: Locale): BriefingHotspotRow {
  const direction = trendDirection(item.trend);
  const ratio = item.trend.ratio === null ? '' : item.trend.ratio.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const category = topShare(item.byCategory);
  return {
    rank: (item.rank + 1).toLocaleString(locale),
    cell: item.cell,
    place: nearPlaceName(item.nearestSite, locale, item.cell),
    score: item.score.toLocaleString(locale, { maximumFractionDigits: item.score < 10 ? 2 : 1 }),
    events: item.count.toLocaleString(locale),
    trend: { direction, text: formatMessage(locale, `print.trend.${direction}`, { ratio }) },
    category: category === null ? '' : `${categoryName(category.key, locale)} ${Math.round(category.share * 100).toLocaleString(locale)}%`,
  };
}

/**
 * The pages of a printed briefing, one per view in the given order: the view's title, T, window
 * and filters (24-hour UTC+8), the legend of its map (the hotspot scale relative to its own top
 * score and the categories its filters admit, for the layers that are on), its top
 * BRIEFING_TOP_HOTSPOTS hotspots named by their nearest site, its note, and a footer with who
 * prepared it, when it was printed and the page number — all in the print's language.
 */
export function briefingPages(input: BriefingPagesInput): BriefingPage[] {
  const { locale } = input;
  const total = input.views.length;
  const columns: BriefingColumns = {
    rank: formatMessage(locale, 'print.col.rank'),
    place: formatMessage(locale, 'print.col.place'),
    score: formatMessage(locale, 'print.col.score'),
    events: formatMessage(locale, 'print.col.events'),
    trend: formatMessage(locale, 'print.col.trend'),
    category: formatMessage(locale, 'print.col.category'),
  };
  const printed = formatUtc8(input.printedAt, false);
  const footer =
    input.creator !== null && input.creator.trim() !== ''
      ? formatMessage(locale, 'print.footerBy', { creator: input.creator.trim(), time: printed })
      : formatMessage(locale, 'print.footer', { time: printed });
  return input.views.map(({ view, note, title, answer }, index) => {
    const caption = mapCaption({
      time: answer.time,
      windowDays: view.model.windowDays,
      filters: view.filters,
      sources: input.sources,
      exportedAt: input.printedAt,
      demo: input.demo,
      locale,
    });
    const top = answer.topScore;
    const shown = answer.hotspots.slice(0, BRIEFING_TOP_HOTSPOTS);
    return {
      number: index + 1,
      title: title !== undefined && title.trim() !== '' ? title.trim() : formatMessage(locale, 'print.viewTitle', { number: index + 1 }),
      // The caption's last line says when it was exported; the footer says when it was printed.
      summary: caption.lines.slice(0, 3),
      warning: caption.warning,
      legend: mapLegend({
        layers: view.layers,
        filters: view.filters,
        scale: top > 0 ? { stops: sequentialCssStops(input.theme), ticks: scoreTicks(top).map((score) => ({ score, fraction: scoreFraction(score, top) })) } : null,
        locale,
      }),
      hotspotHeading: formatMessage(locale, 'print.hotspots', { shown: shown.length.toLocaleString(locale), total: answer.hotspotCount.toLocaleString(locale) }),
      columns,
      hotspots: shown.map((item) => hotspotRow(item, locale)),
      emptyText: formatMessage(locale, 'print.noHotspots'),
      noteHeading: formatMessage(locale, 'print.note'),
      note: note.trim() === '' ? null : note,
      footer,
      pageLabel: formatMessage(locale, 'print.page', { number: (index + 1).toLocaleString(locale), total: total.toLocaleString(locale) }),
    };
  });
}
