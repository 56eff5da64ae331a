const UTC_PLUS_8_MS = 8 * 3600 * 1000;

/**
 * `YYYY-MM-DD HH:mm` or `YYYY-MM-DDTHH:mm`, seconds optional; one or two digits for month, day,
 * hour and minute, so `2026-1-5 9:05` reads too.
 */
const PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a date and time typed as UTC+8 wall-clock time (Hong Kong, Macao and Beijing keep no
 * DST) and returns the instant in epoch ms, or null when the text is not such a date and time or
 * names one that does not exist (`2026-02-30`, `24:00`). Full-width digits and punctuation (as
 * Chinese input methods type them) are read as their ASCII forms; a date without a time means
 * its midnight. The inverse of `formatUtc8(ms, false)` for whole minutes.
 */
export function parseUtc8DateTime(text: string): number | null {
  const compact = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const match = PATTERN.exec(compact);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls an impossible day over (Feb 30 → Mar 2): such a date does not exist.
  if (new Date(wall).getUTCDate() !== day) return null;
  return wall - UTC_PLUS_8_MS;
}
