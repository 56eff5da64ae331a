/**
 * Characters that must never reach a terminal raw: C0 and C1 controls and DEL (category Cc: ESC
 * starts terminal escape sequences, CR overwrites a line, BEL rings), invisible format characters
 * (Cf: bidi embeddings, overrides, isolates and marks such as U+202E, zero-width space and
 * joiners, the byte-order mark, the soft hyphen, tag characters), the line and paragraph
 * separators U+2028/U+2029 (Zl, Zp), and lone surrogates (Cs), which a terminal cannot show.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** UNPRINTABLE without the line feed, for text whose lines are the output's own. */
const UNPRINTABLE_EXCEPT_LF = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t`, else one `\uXXXX` per UTF-16 unit (a surrogate pair for characters above U+FFFF). */
function escapeOne(match: string): string {
  const short = SHORT_ESCAPES[match];
  if (short !== undefined) return short;
  let escaped = '';
  for (let i = 0; i < match.length; i++) escaped += `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}

/** Options of escapeControlCharacters(). */
export interface EscapeOptions {
  /** Leave line feeds raw: for whole multi-line texts (a JSON document, a stack trace), not for values. */
  keepLineFeeds?: boolean;
}

/**
 * `text` made safe to print on a terminal: every character of UNPRINTABLE is replaced by a visible
 * escape — `\n`, `\r`, `\t`, or `\uXXXX` (`\u001b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE).
 * The escapes are JSON's and JavaScript's, so inside a JSON string they stand for the very
 * character they replace. Backslashes are not doubled: paths stay readable, at the price that a
 * name holding the six characters `\u001b` prints like one holding ESC.
 */
export function escapeControlCharacters(text: string, options: EscapeOptions = {}): string {
  return text.replace(options.keepLineFeeds === true ? UNPRINTABLE_EXCEPT_LF : UNPRINTABLE, escapeOne);
}
