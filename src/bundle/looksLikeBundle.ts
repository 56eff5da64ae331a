import { isEncryptedBundle } from './bundleEncryption.ts';
import { MANIFEST_PATH } from './bundleFormat.ts';
import { looksLikeZip } from './readZip.ts';
import { ZIP_LAYOUT } from './zipLayout.ts';

const MANIFEST_NAME = new TextEncoder().encode(MANIFEST_PATH);

/**
 * Whether the first bytes of a file are a bundle's: the encrypted envelope's magic, or a zip whose
 * first entry is manifest.json. Lets a tool that takes feeds tell a bundle from a feed (or from
 * another zip, which the feed reader refuses) by content, whatever the file is called.
 */
export function looksLikeBundle(head: Uint8Array): boolean {
  if (isEncryptedBundle(head)) return true;
  if (!looksLikeZip(head) || head.length < ZIP_LAYOUT.localHeaderBytes + MANIFEST_NAME.length) return false;
  const nameLength = head[26] | (head[27] << 8);
  if (nameLength !== MANIFEST_NAME.length) return false;
  return MANIFEST_NAME.every((byte, i) => head[ZIP_LAYOUT.localHeaderBytes + i] === byte);
}
