/**
 * Characters a cell may begin with and still be read as a formula after a spreadsheet drops them:
 * whitespace (ASCII and Unicode spaces, line breaks), other control characters and invisible
 * format characters (zero-width space, byte-order mark, bidi controls).
 */
const LEADING_BLANKS = /^[\s\p{Cc}\p{Cf}]*/u;

/** What a formula begins with, once the first visible character is NFKC-folded. */
const FORMULA_START = /^[=+\-@]/;

const TAB = 0x09;
const CR = 0x0d;

/**
 * Whether a spreadsheet might run `text` as a formula when it is a CSV cell. True when it begins
 * with a tab or carriage return (OWASP's rule), or when its first character after any leading
 * blanks (see LEADING_BLANKS) is `=`, `+`, `-` or `@` — or a character that NFKC folds to one of
 * them: full-width `＝＋－＠`, small `﹦﹢﹣﹫`, super- and subscript `⁺⁼₊₌`, `⩵`. Excel reads those
 * as text today, but an importer that trims or folds first would not, and the cost of a prefix
 * on such rare text is small.
 */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  if (first === TAB || first === CR) return true;
  const start = (LEADING_BLANKS.exec(text) as RegExpExecArray)[0].length;
  const visible = text.codePointAt(start);
  return visible !== undefined && FORMULA_START.test(String.fromCodePoint(visible).normalize('NFKC'));
}

/**
 * `text` made inert for spreadsheets: a single quote `'` is put before it when it is
 * formula-like (isFormulaLike), as OWASP's CSV-injection guidance says; other text is returned
 * unchanged. A spreadsheet then shows the text (with or without the quote), never its result.
 */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
