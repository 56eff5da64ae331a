import type { Jurisdiction } from '../domain/jurisdictions.ts';

/** Every source the demo publishes under, in a fixed order (their index is used internally). */
export const DEMO_SOURCES = ['GACC-GD', 'GZ-CUSTOMS', 'SZ-CUSTOMS', 'GONGBEI-CUSTOMS', 'HKCED', 'MOCS'] as const;

/** A demo source. */
export type DemoSource = (typeof DEMO_SOURCES)[number];

/** Sources that may report an event on one side of a site, with relative weights. */
export interface WeightedSources {
  sources: DemoSource[];
  weights: number[];
}

/**
 * Who reports for `jurisdiction` at a point: Hong Kong Customs (HKCED) and the Macao Customs
 * Service (MOCS) for their territories; on the Mainland the GACC Guangdong branch, shared about
 * evenly with the direct customs district the point lies in (Guangzhou, Shenzhen or Gongbei).
 * Unrecognised jurisdictions are treated as Mainland.
 */
export function demoSourcesForSide(jurisdiction: Jurisdiction | string, lon: number, lat: number): WeightedSources {
  if (jurisdiction === 'Hong Kong') return { sources: ['HKCED'], weights: [1] };
  if (jurisdiction === 'Macao') return { sources: ['MOCS'], weights: [1] };
  const district = mainlandDistrict(lon, lat);
  return district === null
    ? { sources: ['GACC-GD'], weights: [1] }
    : { sources: ['GACC-GD', district], weights: [1, 1] };
}

/**
 * The direct customs district of a Mainland point, by rough boxes: Guangzhou (incl. Nansha and
 * Foshan) north-west, Shenzhen (incl. the Mainland port area at West Kowloon) east of the Pearl
 * River mouth, Gongbei (Zhuhai, Zhongshan) south-west. Elsewhere (e.g. Huizhou): none.
 */
function mainlandDistrict(lon: number, lat: number): DemoSource | null {
  if (lon < 113.75 && lat >= 22.6) return 'GZ-CUSTOMS';
  if (lon < 113.75) return 'GONGBEI-CUSTOMS';
  if (lon < 114.6 && lat >= 22.28 && lat < 22.9) return 'SZ-CUSTOMS';
  return null;
}
