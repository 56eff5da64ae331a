/** Source-reliability letters of the Admiralty code, best first; F = cannot be judged. */
export const RELIABILITY_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** Stored code of "no grading" in a Uint8 grading column. */
export const UNGRADED = 0;

/**
 * Packs an Admiralty code such as `B2` into a Uint8: 1 + letterIndex * 6 + (digit - 1).
 * Returns UNGRADED for null. The caller has validated the code.
 */
export function encodeGrading(code: string | null): number {
  if (code === null) return UNGRADED;
  const letter = RELIABILITY_LETTERS.indexOf(code[0] as (typeof RELIABILITY_LETTERS)[number]);
  const digit = code.charCodeAt(1) - 48;
  return 1 + letter * 6 + (digit - 1);
}

/** Inverse of encodeGrading. */
export function decodeGrading(packed: number): string | null {
  if (packed === UNGRADED) return null;
  const letterIndex = Math.floor((packed - 1) / 6);
  const digit = ((packed - 1) % 6) + 1;
  return `${RELIABILITY_LETTERS[letterIndex]}${digit}`;
}

/** Parses a free-form Admiralty code (`b2`, ` B 2 `) to canonical `B2`, or null if it is not one. */
export function parseGrading(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return /^[A-F][1-6]$/.test(compact) ? compact : null;
}
