/**
 * A unique import id: the start time in base 36 (fixed width, so ids sort by time) and 64 random
 * bits. getRandomValues rather than randomUUID, which needs a secure context.
 */
export function newImportId(now: number): string {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  const stamp = Math.floor(now).toString(36).padStart(9, '0');
  return `${stamp}-${random[0].toString(16).padStart(8, '0')}${random[1].toString(16).padStart(8, '0')}`;
}
