/** Exact powers of ten: every one up to 1e22 is representable. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Fast path for the common `-123.456` shape with at most 15 digits, read from text[start, end):
 * the digits form an exact integer and one division by an exact power of ten is correctly
 * rounded, so the result equals Number(text.slice(start, end)) without the general conversion.
 * Returns NaN when the shape does not fit. Reading in place spares a CSV reader the substring.
 */
export function parsePlainDecimalAt(text: string, start: number, end: number): number {
  // Named through the prototype: `text` comes in many internal string shapes, and a megamorphic
  // `text.charCodeAt` lookup would make V8 call the method per character instead of inlining it.
  const charCodeAt = String.prototype.charCodeAt;
  let i = start;
  let negative = false;
  if (i < end && charCodeAt.call(text, i) === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = charCodeAt.call(text, i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = mantissa / POW10[scale];
  return negative ? -value : value;
}

/**
 * Parses a plain decimal number from a feed: a finite JSON number, or text such as `22.5`,
 * `-3`, `1e6` (surrounding spaces ignored). Returns NaN for anything else — including empty
 * text, thousands separators, decimal commas, hex/octal/binary literals and Infinity.
 */
export function parseFeedNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const fast = parsePlainDecimalAt(value, 0, value.length);
  if (fast === fast) return fast;
  const s = value.trim();
  if (s.length === 0) return Number.NaN;
  // Number() would also read 0x1F, 0o7 and 0b1; a feed never means those.
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const c = s.charCodeAt(1) | 0x20;
    if (c === 120 || c === 111 || c === 98) return Number.NaN;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}
