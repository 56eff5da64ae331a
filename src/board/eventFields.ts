import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import type { EventRow } from './BoardQuery.ts';
import { categoryName, channelName, siteName } from './boardLabels.ts';
import { formatWeight } from './detailsFormula.ts';
import { kindName, modeName } from './vocabularyNames.ts';

/** One labelled field of an event's record, as text. */
export interface EventField {
  key: string;
  label: string;
  value: string;
}

/** A value in CNY for people: `¥1,234,567` in the language's digit grouping, no decimals from ¥100 up. */
export function formatCny(value: number, locale: Locale): string {
  return formatMessage(locale, 'board.cny', { value: value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0 }) });
}

/** A site or channel field: its name, with the id when the name differs. */
function placeValue(id: string | null, name: (id: string, locale: Locale) => string, locale: Locale): string {
  if (id === null) return formatMessage(locale, 'details.none');
  const shown = name(id, locale);
  return shown === id ? id : `${shown} (${id})`;
}

/**
 * Every field of an event's record but its links and description (which the drawer lists and
 * shows as text apart): source, id, time in 24-hour UTC+8, category, kind, severity, grading,
 * mode, site, channel, value in CNY, position and weight at T — names in `locale`, "—" for none.
 */
export function eventFields(event: EventRow, locale: Locale): EventField[] {
  const none = formatMessage(locale, 'details.none');
  const field = (key: string, value: string): EventField => ({ key, label: formatMessage(locale, `details.field.${key}` as MessageKey), value });
  return [
    field('source', event.source),
    field('id', event.id),
    field('time', formatUtc8(event.time)),
    field('category', categoryName(event.category, locale)),
    field('kind', kindName(event.kind, locale)),
    field('severity', `${event.severity.toLocaleString(locale)}/5`),
    field('grading', event.grading ?? formatMessage(locale, 'details.formula.ungraded')),
    field('mode', event.mode === null ? none : modeName(event.mode, locale)),
    field('site', placeValue(event.site, siteName, locale)),
    field('channel', placeValue(event.channel, channelName, locale)),
    field('value', event.valueCny === null ? none : formatCny(event.valueCny, locale)),
    field('position', `${event.lat.toFixed(5)}, ${event.lon.toFixed(5)}`),
    field('weight', formatWeight(event.weight, locale)),
  ];
}
