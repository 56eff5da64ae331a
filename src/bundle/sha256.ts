/** WebCrypto's SubtleCrypto: `globalThis.crypto.subtle`, present in browsers, workers and Node 20+. */
export function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('WebCrypto (crypto.subtle) is not available here: a browser needs a secure context (https or localhost)');
  return subtle;
}

/**
 * `bytes` as a BufferSource WebCrypto takes: the view itself when it is backed by an ArrayBuffer,
 * else a copy (a SharedArrayBuffer-backed view).
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** SHA-256 of `bytes`. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtleCrypto().digest('SHA-256', bufferSource(bytes)));
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i].toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of `bytes` as 64 lower-case hex digits, as `sha256sum` prints it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}
