const UTC_PLUS_8_MS = 8 * 3600 * 1000;

/** Formats an instant as `YYYY-MM-DD HH:mm:ss` in UTC+08:00 (Hong Kong, Macao and Beijing time). */
export function formatUtc8(epochMs: number, withSeconds = true): string {
  const shifted = new Date(epochMs + UTC_PLUS_8_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}
