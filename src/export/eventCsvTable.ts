import type { EventRow } from '../board/BoardQuery.ts';
import { categoryName, channelName, siteName } from '../board/boardLabels.ts';
import { kindName, modeName } from '../board/vocabularyNames.ts';
import type { CsvCell } from '../csv/csvField.ts';
import type { CsvTable } from '../csv/csvText.ts';
import { formatUtc8Iso } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';

/** The event columns, in file order: every field of EventRow. */
const COLUMNS = [
  'exports.col.source',
  'exports.col.id',
  'exports.col.time',
  'exports.col.category',
  'exports.col.kind',
  'exports.col.severity',
  'exports.col.grading',
  'exports.col.mode',
  'exports.col.valueCny',
  'exports.col.siteId',
  'exports.col.site',
  'exports.col.channelId',
  'exports.col.channel',
  'exports.col.weight',
  'exports.col.description',
  'exports.col.links',
  'exports.col.lat',
  'exports.col.lon',
] as const satisfies readonly MessageKey[];

function eventCells(row: EventRow, locale: Locale): CsvCell[] {
  return [
    row.source,
    row.id,
    formatUtc8Iso(row.time),
    categoryName(row.category, locale),
    kindName(row.kind, locale),
    row.severity,
    row.grading,
    row.mode === null ? null : modeName(row.mode, locale),
    row.valueCny,
    row.site,
    row.site === null ? null : siteName(row.site, locale),
    row.channel,
    row.channel === null ? null : channelName(row.channel, locale),
    row.weight,
    row.description,
    row.links.join('; '),
    row.lat,
    row.lon,
  ];
}

/**
 * Contributing events as a CSV table, header in `locale`, one row per record named by (source,
 * id): time as ISO 8601 in UTC+8, category, kind and mode by name in `locale`, value in CNY, the
 * attributed site and channel by id and by name, the weight at T, the description as its text and
 * the links joined with `; `. Text from feeds goes to the shared writer as it is (it neutralises).
 */
export function eventCsvTable(rows: Iterable<EventRow>, locale: Locale): CsvTable {
  return {
    header: COLUMNS.map((key) => formatMessage(locale, key)),
    rows: {
      *[Symbol.iterator]() {
        for (const row of rows) yield eventCells(row, locale);
      },
    },
  };
}
