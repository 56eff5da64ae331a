const UTC_PLUS_8_MS = 8 * 3600 * 1000;

/** Formats an instant as `YYYY-MM-DD HH:mm:ss` in UTC+08:00 (Hong Kong, Macao and Beijing time). */
export function formatUtc8(epochMs: number, withSeconds = true): string {
  const shifted = new Date(epochMs + UTC_PLUS_8_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}

/**
 * Formats an instant as ISO 8601 in UTC+08:00, e.g. `2026-11-20T12:00:00+08:00`, with milliseconds
 * only when there are any, so that Date.parse gives the instant back exactly.
 */
export function formatUtc8Iso(epochMs: number): string {
  const shifted = new Date(epochMs + UTC_PLUS_8_MS).toISOString();
  const seconds = epochMs % 1000 === 0 ? shifted.slice(0, 19) : shifted.slice(0, 23);
  return `${seconds}+08:00`;
}
