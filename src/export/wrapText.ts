/** Han, kana and Hangul characters, and CJK punctuation: a line may break before or after any of them. */
const BREAKS_ANYWHERE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** The text cut into pieces a line may end after: words with their trailing spaces, single CJK characters. */
function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let word = '';
  for (const char of text) {
    if (BREAKS_ANYWHERE.test(char)) {
      if (word !== '') pieces.push(word);
      pieces.push(char);
      word = '';
    } else if (char === ' ') {
      pieces.push(word + char);
      word = '';
    } else {
      word += char;
    }
  }
  if (word !== '') pieces.push(word);
  return pieces;
}

/**
 * `text` broken into lines no wider than `maxWidth` as `measure` measures them (a canvas's
 * measureText), greedily: after a space or beside a CJK character, and inside a word only when the
 * word alone is too wide. Lines keep no trailing spaces; an empty text is one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const piece of breakPieces(text)) {
    if (measure((line + piece).trimEnd()) <= maxWidth) {
      line += piece;
      continue;
    }
    if (line !== '') push();
    if (measure(piece.trimEnd()) <= maxWidth) {
      line = piece;
      continue;
    }
    // A word wider than the line: cut it character by character.
    for (const char of piece) {
      if (line !== '' && measure((line + char).trimEnd()) > maxWidth) push();
      line += char;
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}
