const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Index of the quote closing the string that opens at `open`, in valid JSON text. */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) throw new Error('featureTextLengths: unterminated string in text JSON.parse accepted');
    let k = quote - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    // An even run of backslashes escapes only itself.
    if ((quote - 1 - k) % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** Whether the key text[open, close] (quotes included) is `"features"`, escapes resolved. */
function isFeaturesKey(text: string, open: number, close: number): boolean {
  const raw = text.slice(open + 1, close);
  return raw.indexOf('\\') === -1 ? raw === 'features' : JSON.parse(text.slice(open, close + 1)) === 'features';
}

/**
 * The text length of each member of the `features` array of a GeoJSON document, in order: from a
 * member's first character to its last (a feature's `{` to its `}`), in UTF-16 code units. When
 * the top-level object names `features` more than once, the last one counts, as for JSON.parse.
 * `text` must be JSON that JSON.parse accepted, with a top-level object; a scan over the text
 * that jumps over strings with indexOf.
 */
export function featureTextLengths(text: string): number[] {
  let lengths: number[] = [];
  let current: number[] | null = null;
  let depth = 0;
  let expectKey = false;
  let keyIsFeatures = false;
  let memberStart = -1;
  let lastSolid = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (depth > 2) {
      // Inside a member only strings and brackets matter: skip to where the member closes.
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          i = closingQuote(text, i);
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          depth++;
        } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 2) {
          lastSolid = i;
          break;
        }
      }
      continue;
    }
    const c = text.charCodeAt(i);
    if (isJsonSpace(c)) continue;
    if (c === QUOTE) {
      const close = closingQuote(text, i);
      if (depth === 1 && expectKey) {
        keyIsFeatures = isFeaturesKey(text, i, close);
        expectKey = false;
      } else if (current !== null && depth === 2 && memberStart < 0) {
        memberStart = i;
      }
      lastSolid = close;
      i = close;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 1 && c === OPEN_BRACKET && keyIsFeatures && current === null) {
        current = [];
        memberStart = -1;
      } else if (current !== null && depth === 2 && memberStart < 0) {
        memberStart = i;
      }
      depth++;
      if (depth === 1) expectKey = true;
      lastSolid = i;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (current !== null && depth === 1) {
        if (memberStart >= 0) current.push(lastSolid - memberStart + 1);
        lengths = current;
        current = null;
        keyIsFeatures = false;
      }
      lastSolid = i;
      continue;
    }
    if (c === COMMA) {
      if (current !== null && depth === 2) {
        current.push(lastSolid - memberStart + 1);
        memberStart = -1;
      } else if (depth === 1) {
        expectKey = true;
        keyIsFeatures = false;
      }
      lastSolid = i;
      continue;
    }
    // Numbers, literals and colons.
    if (current !== null && depth === 2 && memberStart < 0) memberStart = i;
    lastSolid = i;
  }
  return lengths;
}
