import type { CategoryKey } from '../domain/categories.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { DemoFacet } from './demoFacets.ts';

/**
 * A deliberate burst of one category at one site, planted on top of the background so that the
 * alerting engine has something real to find. Its records are ordinary records (same sources,
 * ids, scatter and site attribution rule); only their number in the window is abnormal.
 */
export interface DemoSpike {
  /** Stable name, for documentation and tests. */
  name: string;
  /** Preferred site ids; the first one among the injected sites is used. */
  siteIds: readonly string[];
  /** When none of `siteIds` is present: the first site having this facet, else the spike is dropped. */
  fallbackFacet: DemoFacet;
  category: CategoryKey;
  mode: TransportMode;
  /** Window start, hours before `now`. */
  fromHoursAgo: number;
  /** Window end, hours before `now` (0 = up to now). */
  toHoursAgo: number;
  /** Expected share of all generated records. */
  share: number;
  /** Expected records at least, so small demos still show the burst. */
  minimum: number;
}

/**
 * The planted spikes. Within its window each one runs at well over ten times the background
 * rate of its category at its site (and at least `minimum` records):
 *
 * - `tobacco-lo-wu`: cigarette seizures by HKCED at Lo Wu Control Point (parallel traders on
 *   foot), from 20 h to 2 h before `now`, about 0.25 % of all records.
 * - `narcotics-hkia`: a narcotics burst at Hong Kong International Airport (air cargo and
 *   couriers), from 14 h to 3 h before `now`, about 0.15 % of all records.
 * - `minerals-nansha`: strategic-mineral export seizures at Nansha container terminals over the
 *   last 48 h, about 0.3 % of all records.
 *
 * Volumes follow the diurnal rhythm inside each window, shaped as a smooth rise and fall.
 */
export const DEMO_SPIKES: readonly DemoSpike[] = [
  {
    name: 'tobacco-lo-wu',
    siteIds: ['lo_wu_control_point', 'luohu_port', 'lok_ma_chau_control_point'],
    fallbackFacet: 'pedestrian',
    category: 'tobacco',
    mode: 'passenger',
    fromHoursAgo: 20,
    toHoursAgo: 2,
    share: 0.0025,
    minimum: 25,
  },
  {
    name: 'narcotics-hkia',
    siteIds: ['hkia', 'hkia_t1_control_point', 'shenzhen_baoan_airport'],
    fallbackFacet: 'air',
    category: 'narcotics',
    mode: 'air',
    fromHoursAgo: 14,
    toHoursAgo: 3,
    share: 0.0015,
    minimum: 20,
  },
  {
    name: 'minerals-nansha',
    siteIds: ['nansha_port', 'shekou_chiwan_port', 'yantian_port'],
    fallbackFacet: 'sea',
    category: 'strategic_minerals',
    mode: 'sea',
    fromHoursAgo: 48,
    toHoursAgo: 0,
    share: 0.003,
    minimum: 20,
  },
];
