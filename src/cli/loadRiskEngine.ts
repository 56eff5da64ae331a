import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { RiskEngine } from '../risk/RiskEngine.ts';
import type { EventStore } from '../store/EventStore.ts';

/**
 * The risk engine over every live (published, unmasked) row of `store`, with the reference sites
 * and channels for attribution and the engine's default radii.
 */
export async function loadRiskEngine(store: EventStore): Promise<RiskEngine> {
  const chunks = await store.loadPublishedChunks();
  return RiskEngine.load(
    chunks.map(({ chunk, mask }) => ({ chunk, mask })),
    { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS },
  );
}
