import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { buildEventTable } from '../risk/buildEventTable.ts';
import type { EventTable } from '../risk/EventTable.ts';
import type { EventStore } from '../store/EventStore.ts';

/**
 * The risk engine's query table over every live (published, unmasked) row of `store`, with the
 * reference sites and channels for attribution and the engine's default radii.
 */
export async function loadRiskTable(store: EventStore): Promise<EventTable> {
  const chunks = await store.loadPublishedChunks();
  return buildEventTable(
    chunks.map(({ chunk, mask }) => ({ chunk, mask })),
    { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS },
  );
}
