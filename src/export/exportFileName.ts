/** What an export holds, as its file name says it. */
export type ExportSubject = 'hotspots' | 'events' | 'map';

const UTC_PLUS_8_MS = 8 * 3600 * 1000;

/** An instant as a file-name stamp in UTC+8, minutes precision: `2026-11-20T1200+0800` (no `:`). */
export function fileStampUtc8(epochMs: number): string {
  const iso = new Date(epochMs + UTC_PLUS_8_MS).toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}+0800`;
}

/** The longest a free-text part (a selection's id) may make a file name. */
const MAX_PART_LENGTH = 48;

/**
 * Free text (a record id, a source, a cell id) as a file-name part: ASCII letters, digits, `.`,
 * `_` and `-` kept, every run of anything else one `-`, no dots or dashes at either end, at most
 * MAX_PART_LENGTH characters; empty when nothing is left. The result holds no character a file
 * system refuses (`/ \ : * ? " < > |`, controls), no `..` path step and no leading dot.
 */
export function fileNamePart(text: string): string {
  const kept = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .slice(0, MAX_PART_LENGTH);
  return kept.replace(/^[.-]+|[.-]+$/g, '');
}

/**
 * The file name of an export: `tidegate-<subject>[-<part>…]-<stamp>.<extension>`, stamped with the
 * evaluation instant T in UTC+8, e.g. `tidegate-hotspots-2026-11-20T1200+0800.csv`. `parts` name
 * the selection (each made safe with fileNamePart; empty ones dropped).
 */
export function exportFileName(subject: ExportSubject, at: number, extension: 'csv' | 'png', parts: readonly string[] = []): string {
  const named = parts.map(fileNamePart).filter((part) => part.length > 0);
  return ['tidegate', subject, ...named, fileStampUtc8(at)].join('-') + `.${extension}`;
}
