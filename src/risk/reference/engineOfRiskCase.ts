import { importRecords } from '../../store/importRecords.ts';
import { MemoryEventStore } from '../../store/MemoryEventStore.ts';
import { batchOf, csvMeta } from '../../store/storeTestSupport.ts';
import { RiskEngine } from '../RiskEngine.ts';
import type { RiskCase } from './randomRiskCase.ts';

/**
 * The real engine over a random case's files, imported in order into an empty store through the
 * real import path (as the differential test does).
 */
export async function engineOfRiskCase(riskCase: RiskCase): Promise<RiskEngine> {
  let clock = 0;
  const store = new MemoryEventStore({ now: () => ++clock });
  for (const [n, batches] of riskCase.imports.entries()) {
    await importRecords(store, csvMeta(`feed-${n}.csv`), batches.map((records) => batchOf(records)), { chunkRows: riskCase.chunkRows, now: () => clock });
  }
  const chunks = await store.loadPublishedChunks();
  const places = riskCase.table;
  return RiskEngine.load(
    chunks.map(({ chunk, mask }) => ({ chunk, mask })),
    { sites: places.sites, channels: places.channels, siteRadiusKm: places.siteRadiusKm, channelRadiusKm: places.channelRadiusKm },
  );
}
