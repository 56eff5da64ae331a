import { detached } from './detached.ts';

/** Longest accepted source code, in characters after NFKC normalisation. */
export const MAX_SOURCE_LENGTH = 64;

/** What readSourceCode makes of a text: the stored code, or why the text is not one. */
export type SourceCodeReading = { code: string; problem?: undefined } | { code?: undefined; problem: string };

const MEMO_LIMIT = 4096;
const memo = new Map<string, SourceCodeReading>();

const BIDI_CONTROL = /\p{Bidi_Control}/u;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL = /\p{Cc}/u;
const CODE_CHARACTERS = /^[A-Za-z0-9&._-]+$/;
const NOT_CODE_CHARACTER = /[^A-Za-z0-9&._-]/u;
const SHOWN_ESCAPED = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}]/gu;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Quotes a source for a reason, with invisible, bidirectional and control characters as \u escapes. */
function showSource(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `'${shown.replace(SHOWN_ESCAPED, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`)}'`;
}

function read(text: string): SourceCodeReading {
  // ASCII text is already NFKC.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  const normal = ascii ? text : text.normalize('NFKC');
  if (CODE_CHARACTERS.test(normal)) {
    if (normal.length > MAX_SOURCE_LENGTH) return { problem: `source is longer than ${MAX_SOURCE_LENGTH} characters` };
    return { code: normal.toUpperCase() };
  }
  const bidi = BIDI_CONTROL.exec(normal);
  if (bidi !== null) {
    return {
      problem: `source ${showSource(text)} contains a bidirectional control character (${codePoint(bidi[0])}), which can make it display as another agency's code`,
    };
  }
  const invisible = INVISIBLE.exec(normal);
  if (invisible !== null) {
    return { problem: `source ${showSource(text)} contains an invisible character (${codePoint(invisible[0])}), which can make it look like another agency's code` };
  }
  const control = CONTROL.exec(normal);
  if (control !== null) return { problem: `source ${showSource(text)} contains a control character (${codePoint(control[0])})` };
  if (normal.includes(':') || normal.includes(';')) return { problem: `source ${showSource(text)} must not contain ':' or ';' (they delimit links)` };
  const other = NOT_CODE_CHARACTER.exec(normal);
  const first = other === null ? '' : ` (first: ${codePoint(other[0])} ${showSource(other[0])})`;
  return {
    problem:
      `source ${showSource(text)} has characters other than the letters A–Z, digits 0–9 and - _ & .${first}; ` +
      'agency codes are limited to these so that letters of other scripts cannot pass for them',
  };
}

/**
 * Reads an agency (source) code, already trimmed: NFKC-normalised (full-width `ＧＤ` is `GD`),
 * then it must consist of the ASCII letters A–Z and a–z, the digits 0–9 and `-`, `_`, `&`, `.`,
 * at most MAX_SOURCE_LENGTH of them. The code is stored in upper case, so `gd` and `GD` are the
 * same agency. Anything else — invisible characters (zero-width, soft hyphen, BOM, variation
 * selectors, tags), bidirectional controls, control characters, letters of other scripts,
 * spaces, `:` and `;` — gives the problem instead. With every stored code drawn from this small
 * set, two different stored codes never look alike. Memoised: a feed repeats a few codes.
 */
export function readSourceCode(text: string): SourceCodeReading {
  let reading = memo.get(text);
  if (reading === undefined) {
    reading = read(text);
    if (memo.size < MEMO_LIMIT) memo.set(detached(text), reading);
  }
  return reading;
}
