import { RELIABILITY_LETTERS } from '../domain/grading.ts';

const CODES: string[] = [];
for (const letter of RELIABILITY_LETTERS) for (let digit = 1; digit <= 6; digit++) CODES.push(`${letter}${digit}`);

/**
 * Parses an Admiralty grading (`B2`, `b2`, ` B 2 `) to its canonical form, or null when the text
 * is not a letter A–F followed by a digit 1–6. A char scan over a precomputed table, so no
 * regular expression or string building per row.
 */
export function parseAdmiralty(text: string): string | null {
  let letter = -1;
  let digit = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (letter === -1) {
      const l = (c | 0x20) - 97;
      if (l < 0 || l > 5) return null;
      letter = l;
    } else if (digit === -1) {
      const d = c - 49;
      if (d < 0 || d > 5) return null;
      digit = d;
    } else {
      return null;
    }
  }
  return letter === -1 || digit === -1 ? null : CODES[letter * 6 + digit];
}
