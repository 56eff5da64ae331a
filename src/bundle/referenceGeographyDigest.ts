import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import type { BundleGeography } from './BundleManifest.ts';
import { sha256Hex } from './sha256.ts';

let digest: Promise<BundleGeography> | null = null;

/**
 * The reference geography this build places sites and channels with, as a bundle names it: the
 * SHA-256 of its sites and channels as JSON, and their counts. Records name sites and channels by
 * id, so a bundle opened with other reference geography may attribute them differently: the
 * reader warns when the digests differ.
 */
export function referenceGeographyDigest(): Promise<BundleGeography> {
  digest ??= sha256Hex(new TextEncoder().encode(JSON.stringify({ sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS }))).then((sha256) => ({
    sha256,
    sites: REFERENCE_SITES.length,
    channels: REFERENCE_CHANNELS.length,
  }));
  return digest;
}
