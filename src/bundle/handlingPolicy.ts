import { HANDLING_CODE_OF, HANDLING_CODES, NO_HANDLING, UNRECOGNISED_HANDLING, type HandlingCode } from '../domain/handlingCodes.ts';

/**
 * Who a bundle is for (docs/bundle-format.md §5): the highest handling code its recipients may
 * receive, and the code a record without one counts as.
 */
export interface HandlingPolicy {
  /** Records coded up to this level go in; those above are withheld. */
  level: HandlingCode;
  /** The code a record without a handling code is treated as. */
  uncodedAs: HandlingCode;
}

/**
 * The default: only what may go to other law-enforcement agencies (H1), and a record without a
 * code counts as H1 (a feed shared between agencies published it). A bundle never carries more
 * than its maker asked for.
 */
export const DEFAULT_HANDLING_POLICY: Readonly<HandlingPolicy> = { level: 'H1', uncodedAs: 'H1' };

/** The classes a bundle's manifest counts records in: no code, each code, unrecognised. */
export const HANDLING_TALLY_KEYS = ['none', ...HANDLING_CODES, 'unrecognised'] as const;

/** One class of HANDLING_TALLY_KEYS. */
export type HandlingTallyKey = (typeof HANDLING_TALLY_KEYS)[number];

/** Records per class. */
export type HandlingTally = Record<HandlingTallyKey, number>;

/** A tally of zeros. */
export function emptyHandlingTally(): HandlingTally {
  return Object.fromEntries(HANDLING_TALLY_KEYS.map((key) => [key, 0])) as HandlingTally;
}

/** The tally class of a stored handling code (0 none, 1–5 H1–H5, 6 unrecognised). */
export function handlingTallyKey(code: number): HandlingTallyKey {
  return HANDLING_TALLY_KEYS[code];
}

/**
 * Whether a bundle under `policy` may carry a record with stored handling code `code`. An
 * unrecognised code ranks above every level: such a record is never carried.
 */
export function mayCarry(code: number, policy: HandlingPolicy): boolean {
  if (code === UNRECOGNISED_HANDLING) return false;
  const rank = code === NO_HANDLING ? HANDLING_CODE_OF[policy.uncodedAs] : code;
  return rank <= HANDLING_CODE_OF[policy.level];
}
