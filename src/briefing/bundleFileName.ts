import { fileStampUtc8 } from '../export/exportFileName.ts';
import { BUNDLE_EXTENSION } from '../bundle/bundleFormat.ts';

/** Longest base name of a bundle file, characters. */
const MAX_BASE_LENGTH = 100;

/** The name the export dialog offers: `tidegate-briefing-<T in UTC+8>`. */
export function defaultBundleBaseName(at: number): string {
  return `tidegate-briefing-${fileStampUtc8(at)}`;
}

/**
 * The file name of a bundle from the name a user typed (any script kept): every character a file
 * system refuses (`/ \ : * ? " < > |`, controls) and white-space runs become one `-`, no dots,
 * dashes or spaces at either end, at most MAX_BASE_LENGTH characters, the `.tidegate` extension
 * added once; the default name when nothing is left.
 */
export function bundleFileName(typed: string, at: number): string {
  const withoutExtension = typed.trim().endsWith(BUNDLE_EXTENSION) ? typed.trim().slice(0, -BUNDLE_EXTENSION.length) : typed;
  const cleaned = [...withoutExtension.replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, '-').replace(/\.{2,}/g, '.')]
    .slice(0, MAX_BASE_LENGTH)
    .join('')
    .replace(/^[.\- ]+|[.\- ]+$/g, '');
  return `${cleaned === '' ? defaultBundleBaseName(at) : cleaned}${BUNDLE_EXTENSION}`;
}
