/**
 * The risk engine's answers in one plain shape, so that the reference model and the real engine
 * can be compared field by field. Records are named by `SOURCE:ID` keys, cells by hex id and
 * places by id: never by table row, which only the real engine has.
 */

/** One of the heaviest events behind a score. */
export interface TopEventAnswer {
  /** `SOURCE:ID` of the record. */
  key: string;
  /** Decayed weight at T. */
  weight: number;
}

/** A score split into shares of the score, and its heaviest events (heaviest first). */
export interface BreakdownAnswer {
  byCategory: Record<string, number>;
  bySource: Record<string, number>;
  byKind: Record<string, number>;
  topEvents: TopEventAnswer[];
}

/** A hotspot: an H3 cell and what its counted events add up to. */
export interface HotspotAnswer {
  /** Hex H3 id at the query's resolution. */
  cell: string;
  score: number;
  count: number;
  /** Score of the previous window (trend); NaN when the trend is off. */
  previous: number;
  /** Null where the answer gives no breakdown (beyond the top N). */
  details: BreakdownAnswer | null;
  /** Reference site nearest to the cell centre; null without sites. */
  nearestSite: { id: string; distanceKm: number } | null;
  /** Cell centre, WGS-84 `[lon, lat]`. */
  centre: [number, number];
}

/** A site or channel and what its attributed events add up to. */
export interface PlaceAnswer {
  id: string;
  /** False for an id that only records name. */
  reference: boolean;
  score: number;
  count: number;
  previous: number;
  details: BreakdownAnswer | null;
}

/** A spike alert of a cell or a site. */
export interface AlertAnswer {
  target: 'cell' | 'site';
  id: string;
  observed: number;
  baselineCount: number;
  expected: number;
  probability: number;
  logProbability: number;
  /** Epoch ms, whole second, of the first event in the recent window. */
  since: number;
  lon: number;
  lat: number;
}

/** One cross-border arc: the record carrying the link (`a`) and the record it names (`b`). */
export interface LinkArcAnswer {
  a: string;
  b: string;
  territoryA: string;
  territoryB: string;
  /** Float32 `[lon, lat]` of each end. */
  from: [number, number];
  to: [number, number];
}

/** Every link key read, accounted for. */
export interface LinkTotalsAnswer {
  references: number;
  unresolved: number;
  selfLinks: number;
  duplicates: number;
  crossBorder: number;
  withinJurisdiction: number;
  unknownJurisdiction: number;
}

/** Cross-border links of a set of records. */
export interface LinkAnswer {
  totals: LinkTotalsAnswer;
  /** Distinct pairs per unordered pair of territories (`a` ≤ `b`), sorted by a, then b. */
  pairCounts: { a: string; b: string; count: number }[];
  arcs: LinkArcAnswer[];
  /** Up to 100 distinct unresolved keys, first seen first. */
  unresolvedKeys: string[];
}

/** Everything one evaluation answers. Lists of hotspots and places are ranked, first = highest. */
export interface RiskAnswer {
  hotspots: HotspotAnswer[];
  totalScore: number;
  totalCount: number;
  sites: PlaceAnswer[];
  channels: PlaceAnswer[];
  alerts: { cells: AlertAnswer[]; sites: AlertAnswer[] };
  links: LinkAnswer;
}
