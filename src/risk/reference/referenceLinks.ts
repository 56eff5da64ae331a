import type { ReferenceEvent } from './referenceEvents.ts';
import type { ReferenceQuery } from './ReferenceQuery.ts';
import type { LinkAnswer, LinkArcAnswer } from './RiskAnswer.ts';

/** How many distinct unresolved keys the answer lists (§6). */
const UNRESOLVED_LISTED = 100;

/**
 * The cross-border links of docs/risk-model.md §6 over every live record (no filters): each link
 * key resolved to a record, A→B and B→A one pair oriented as first seen in table order, and each
 * pair classed by the territories of its ends.
 */
export function referenceLinks(events: readonly ReferenceEvent[], query: ReferenceQuery): LinkAnswer {
  const orderOfKey = new Map<string, number>();
  for (const event of events) if (!orderOfKey.has(event.key)) orderOfKey.set(event.key, event.order);
  const territoryOf = (event: ReferenceEvent): string | null => {
    const bySource = query.jurisdictionOf(event.record.source);
    if (bySource !== null) return bySource;
    const site = query.table.sites.find((s) => s.id === event.tableSite);
    return site !== undefined && site.jurisdiction.length === 1 ? site.jurisdiction[0] : null;
  };
  const totals = { references: 0, unresolved: 0, selfLinks: 0, duplicates: 0, crossBorder: 0, withinJurisdiction: 0, unknownJurisdiction: 0 };
  const unresolvedKeys: string[] = [];
  const seenPairs = new Set<string>();
  const pairCounts = new Map<string, { a: string; b: string; count: number }>();
  const arcs: LinkArcAnswer[] = [];
  for (const event of events) {
    for (const key of event.record.links) {
      totals.references++;
      const other = orderOfKey.get(key);
      if (other === undefined) {
        totals.unresolved++;
        if (unresolvedKeys.length < UNRESOLVED_LISTED && !unresolvedKeys.includes(key)) unresolvedKeys.push(key);
        continue;
      }
      if (other === event.order) {
        totals.selfLinks++;
        continue;
      }
      const pair = `${Math.min(other, event.order)}:${Math.max(other, event.order)}`;
      if (seenPairs.has(pair)) {
        totals.duplicates++;
        continue;
      }
      seenPairs.add(pair);
      const target = events[other];
      const a = territoryOf(event);
      const b = territoryOf(target);
      if (a === null || b === null) {
        totals.unknownJurisdiction++;
        continue;
      }
      if (a === b) totals.withinJurisdiction++;
      else totals.crossBorder++;
      const [low, high] = a <= b ? [a, b] : [b, a];
      const counted = pairCounts.get(`${low}\u0000${high}`) ?? { a: low, b: high, count: 0 };
      counted.count++;
      pairCounts.set(`${low}\u0000${high}`, counted);
      if (a !== b) {
        arcs.push({
          a: event.key,
          b: target.key,
          territoryA: a,
          territoryB: b,
          from: [Math.fround(event.record.lon), Math.fround(event.record.lat)],
          to: [Math.fround(target.record.lon), Math.fround(target.record.lat)],
        });
      }
    }
  }
  const sortedCounts = [...pairCounts.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return { totals, pairCounts: sortedCounts, arcs, unresolvedKeys };
}
