/**
 * Handling codes of the UK 5×5×5 intelligence grading, which say who may receive a report. The
 * scheme's wording, least restricted first:
 *
 * - `H1` may go to other law-enforcement and prosecuting agencies;
 * - `H2` may go to non-prosecuting parties (authorisation and records needed);
 * - `H3` may go to law-enforcement agencies abroad (special conditions);
 * - `H4` stays within the originating agency;
 * - `H5` goes no further: refer to the originator.
 *
 * Tidegate reads the number as a rank of restriction: a bundle made for recipients at level L
 * carries the codes H1…HL and withholds the rest. Stored as Uint8 codes (HANDLING_CODE_OF).
 */
export const HANDLING_CODES = ['H1', 'H2', 'H3', 'H4', 'H5'] as const;

/** One of the five handling codes. */
export type HandlingCode = (typeof HANDLING_CODES)[number];

/**
 * A record's handling: one of the codes, or `unrecognised` when the feed gave a value that is not
 * a handling code. An unrecognised code is treated as more restricted than H5: no bundle carries
 * the record, whatever its level.
 */
export type RecordHandling = HandlingCode | 'unrecognised';

/** Stored code of "no handling code" in a Uint8 handling column. */
export const NO_HANDLING = 0;

/** Stored code of an unrecognised handling code. */
export const UNRECOGNISED_HANDLING = 6;

/** Stored Uint8 code of each handling: H1…H5 are 1…5, `unrecognised` is 6 (0 is none). */
export const HANDLING_CODE_OF: Readonly<Record<RecordHandling, number>> = {
  H1: 1,
  H2: 2,
  H3: 3,
  H4: 4,
  H5: 5,
  unrecognised: UNRECOGNISED_HANDLING,
};

/** The stored code of a record's handling (NO_HANDLING when it has none). */
export function encodeHandling(handling: RecordHandling | undefined): number {
  return handling === undefined ? NO_HANDLING : HANDLING_CODE_OF[handling];
}

/** Inverse of encodeHandling; undefined for NO_HANDLING. Throws on a code no version wrote. */
export function decodeHandling(code: number): RecordHandling | undefined {
  if (code === NO_HANDLING) return undefined;
  if (code === UNRECOGNISED_HANDLING) return 'unrecognised';
  const handling = HANDLING_CODES[code - 1];
  if (handling === undefined) throw new Error(`Corrupt handling code ${code}`);
  return handling;
}

/** Whether `text` is one of the five codes exactly as written canonically (`H1`…`H5`). */
export function isHandlingCode(text: string): text is HandlingCode {
  return (HANDLING_CODES as readonly string[]).includes(text);
}
