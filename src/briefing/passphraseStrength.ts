/** How hard a passphrase is to guess, as the export dialog's hint says it. */
export type PassphraseStrength = 'empty' | 'weak' | 'fair' | 'strong';

/** Estimated bits below which a passphrase is weak, and from which it is strong. */
export const PASSPHRASE_BITS = { fair: 50, strong: 80 } as const;

/** Characters each class adds to a guesser's alphabet; anything outside ASCII counts as a large alphabet. */
const CLASS_SIZES: readonly [RegExp, number][] = [
  [/[a-z]/u, 26],
  [/[A-Z]/u, 26],
  [/[0-9]/u, 10],
  [/[ -/:-@[-`{-~]/u, 33],
  [/[^\x20-\x7e]/u, 1000],
];

/**
 * A rough upper estimate of a passphrase's entropy in bits: characters (code points, a character
 * repeated more than twice counting once more) times log2 of the alphabet its character classes
 * span. A hint, not a guarantee: it cannot see dictionary words.
 */
export function passphraseBits(passphrase: string): number {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.length === 0) return 0;
  const alphabet = CLASS_SIZES.reduce((sum, [pattern, size]) => (pattern.test(passphrase) ? sum + size : sum), 0);
  const seen = new Map<string, number>();
  let effective = 0;
  for (const character of characters) {
    const times = (seen.get(character) ?? 0) + 1;
    seen.set(character, times);
    if (times <= 2) effective++;
  }
  return effective * Math.log2(Math.max(2, alphabet));
}

/** The strength class of a passphrase (PASSPHRASE_BITS). */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return 'empty';
  const bits = passphraseBits(passphrase);
  return bits >= PASSPHRASE_BITS.strong ? 'strong' : bits >= PASSPHRASE_BITS.fair ? 'fair' : 'weak';
}

/** Why a passphrase and its confirmation cannot be used, or null: both empty (no encryption) is fine. */
export function passphraseProblem(passphrase: string, confirmation: string): 'mismatch' | null {
  return passphrase.normalize('NFC') === confirmation.normalize('NFC') ? null : 'mismatch';
}
