import { escapeControlCharacters } from './escapeControlCharacters.ts';

/**
 * `document` as the JSON the CLI prints: indented by two spaces, ending with a newline, and with
 * every control, bidi and invisible character escaped (escapeControlCharacters). JSON.stringify
 * escapes only C0 controls, leaving C1 controls, U+2028/U+2029 and format characters such as
 * U+202E raw; their `\uXXXX` escapes stand for the same characters, so the text parses back to
 * the same document.
 */
export function jsonText(document: unknown): string {
  return `${escapeControlCharacters(JSON.stringify(document, null, 2), { keepLineFeeds: true })}\n`;
}
