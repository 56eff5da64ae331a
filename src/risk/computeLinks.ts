import type { RecordLookup } from './buildRecordLookup.ts';
import type { EventTable } from './EventTable.ts';
import { forEachLinkKey } from './forEachLinkKey.ts';

/** How many distinct unresolved link keys a result lists (all are counted). */
const UNRESOLVED_SAMPLE_SIZE = 100;

/** Resolved, deduplicated pairs between two territories. */
export interface JurisdictionPairCount {
  /** Territory names, `a` ≤ `b` in code-unit order; equal for links inside one territory. */
  a: string;
  b: string;
  count: number;
}

/** Link statistics of a table. */
export interface LinkTotals {
  /** Link keys read from records. */
  references: number;
  /** Keys naming no record of the table. */
  unresolved: number;
  /** Keys naming the record itself. */
  selfLinks: number;
  /** Keys repeating a pair already seen (either direction). */
  duplicates: number;
  /** Distinct pairs with both territories known and different. */
  crossBorder: number;
  /** Distinct pairs inside one territory. */
  withinJurisdiction: number;
  /** Distinct pairs with at least one territory unknown. */
  unknownJurisdiction: number;
}

/**
 * Cross-border link arcs, flat and aligned by pair. Each pair is oriented as first seen: `rowA`
 * is the record that carries the link (in table order), `rowB` the record it names.
 */
export interface LinkResult {
  count: number;
  rowA: Uint32Array;
  rowB: Uint32Array;
  /** `[lon, lat]` of each end, 2 numbers per pair (deck.gl ArcLayer binary attributes). */
  from: Float32Array;
  to: Float32Array;
  /** Territory of each end, as an index into `jurisdictions`. */
  jurisdictionA: Uint8Array;
  jurisdictionB: Uint8Array;
  jurisdictions: string[];
  /** Pairs per pair of territories (cross-border and within), sorted by a, then b. */
  pairCounts: JurisdictionPairCount[];
  totals: LinkTotals;
  /** Up to 100 distinct unresolved keys, first seen first. */
  unresolvedKeys: string[];
}

/**
 * Resolves every record's `links` (`SOURCE:ID` keys) against the table and keeps the pairs whose
 * two ends lie in different territories. A record's territory is `jurisdictionOf(source)`; when
 * that is null, the territory of its attributed reference site if the site serves exactly one.
 */
export function computeLinks(
  table: EventTable,
  lookups: RecordLookup,
  jurisdictionOf: (source: string) => string | null,
): LinkResult {
  const jurisdictions: string[] = [];
  const codeOf = (name: string | null): number => {
    if (name === null) return -1;
    let code = jurisdictions.indexOf(name);
    if (code < 0) code = jurisdictions.push(name) - 1;
    return code;
  };
  const sourceCode = table.sources.map((source) => codeOf(jurisdictionOf(source)));
  const siteCode = [-1, ...table.siteIds.map((_, i) => {
    const served = i < table.referenceSiteCount ? table.sites[i].jurisdiction : [];
    return served.length === 1 ? codeOf(served[0]) : -1;
  })];
  const territory = (row: number): number => {
    const code = sourceCode[table.source[row]];
    return code >= 0 ? code : siteCode[table.site[row]];
  };

  const totals: LinkTotals = {
    references: 0,
    unresolved: 0,
    selfLinks: 0,
    duplicates: 0,
    crossBorder: 0,
    withinJurisdiction: 0,
    unknownJurisdiction: 0,
  };
  const unresolvedKeys = new Set<string>();
  const seen = new Set<number>();
  const pairCounts = new Map<string, JurisdictionPairCount>();
  const rowA: number[] = [];
  const rowB: number[] = [];

  forEachLinkKey(table, (row, key) => {
    totals.references++;
    const target = lookups.rowOf.get(key);
    if (target === undefined) {
      totals.unresolved++;
      if (unresolvedKeys.size < UNRESOLVED_SAMPLE_SIZE) unresolvedKeys.add(key);
      return;
    }
    if (target === row) {
      totals.selfLinks++;
      return;
    }
    const pair = Math.min(row, target) * table.count + Math.max(row, target);
    if (seen.has(pair)) {
      totals.duplicates++;
      return;
    }
    seen.add(pair);
    const ja = territory(row);
    const jb = territory(target);
    if (ja < 0 || jb < 0) {
      totals.unknownJurisdiction++;
      return;
    }
    const [a, b] = [jurisdictions[ja], jurisdictions[jb]].sort();
    const label = `${a}\u0000${b}`;
    const counted = pairCounts.get(label);
    if (counted === undefined) pairCounts.set(label, { a, b, count: 1 });
    else counted.count++;
    if (ja === jb) {
      totals.withinJurisdiction++;
      return;
    }
    totals.crossBorder++;
    rowA.push(row);
    rowB.push(target);
  });

  const count = rowA.length;
  const from = new Float32Array(2 * count);
  const to = new Float32Array(2 * count);
  const jurisdictionA = new Uint8Array(count);
  const jurisdictionB = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    from[2 * k] = table.lon[rowA[k]];
    from[2 * k + 1] = table.lat[rowA[k]];
    to[2 * k] = table.lon[rowB[k]];
    to[2 * k + 1] = table.lat[rowB[k]];
    jurisdictionA[k] = territory(rowA[k]);
    jurisdictionB[k] = territory(rowB[k]);
  }
  return {
    count,
    rowA: Uint32Array.from(rowA),
    rowB: Uint32Array.from(rowB),
    from,
    to,
    jurisdictionA,
    jurisdictionB,
    jurisdictions,
    pairCounts: [...pairCounts.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0)),
    totals,
    unresolvedKeys: [...unresolvedKeys],
  };
}
