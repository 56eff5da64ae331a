/**
 * Folds a name or vocabulary word for case- and punctuation-insensitive matching: NFKC
 * (full-width forms become ASCII), lower case, and spaces, `_` and `-` removed.
 */
export function foldToken(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i];
    if (c === ' ' || c === '_' || c === '-' || c === '\t' || c === '\u3000') continue;
    out += c;
  }
  return out;
}
