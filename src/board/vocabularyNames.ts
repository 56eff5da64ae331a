import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';

/** A record kind's name in `locale` (`kind.seizure` → "Seizure"); a kind outside the vocabulary as it is. */
export function kindName(kind: string, locale: Locale): string {
  return (RECORD_KINDS as readonly string[]).includes(kind) ? formatMessage(locale, `kind.${kind}` as MessageKey) : kind;
}

/** A transport mode's name in `locale` (`mode.sea` → "Sea"); a mode outside the vocabulary as it is. */
export function modeName(mode: string, locale: Locale): string {
  return (TRANSPORT_MODES as readonly string[]).includes(mode) ? formatMessage(locale, `mode.${mode}` as MessageKey) : mode;
}
