import type { BoardAnswer } from '../../board/BoardQuery.ts';
import type { LayerKey } from '../../view/ViewState.ts';
import { scoreTicks, SCORE_DECADES } from '../../board/sequentialScale.ts';
import { MAX_LINK_ARCS } from './layerAttributes.ts';

/** What the map legend shows: an entry for each layer that is on (null or false for one that is off). */
export interface LegendFacts {
  /** The scale's ends: the top score and the score at its low end. */
  hotspots: { top: number; low: number; extruded: boolean } | null;
  events: { kind: 'points' | 'aggregate'; inView: number } | null;
  heatmap: boolean;
  sites: boolean;
  channels: boolean;
  /** All links: how many, in how many arcs, and how many of the busiest arcs are drawn. */
  links: { state: 'pending' } | { state: 'selection'; count: number } | { state: 'all'; links: number; arcs: number; drawn: number } | null;
  alerts: { count: number } | null;
  area: boolean;
}

/** The legend for the layers that are on, with the answer's counts; O(arcs) at most. */
export function legendFacts(layers: Readonly<Record<LayerKey, boolean>>, answer: BoardAnswer | null, areaDrawn: boolean): LegendFacts {
  const top = answer && answer.hotspotLayer.count > 0 ? answer.hotspotLayer.scores[0] : 0;
  let links: LegendFacts['links'] = null;
  if (layers.links && answer) {
    if (answer.links.pending) links = { state: 'pending' };
    else if (answer.links.selectedCount !== null) links = { state: 'selection', count: answer.links.selectedCount };
    else {
      let total = 0;
      for (let i = 0; i < answer.links.count; i++) total += answer.links.weight[i];
      links = { state: 'all', links: total, arcs: answer.links.count, drawn: Math.min(answer.links.count, MAX_LINK_ARCS) };
    }
  }
  return {
    hotspots: layers.hotspots ? { top, low: scoreTicks(top)[SCORE_DECADES], extruded: layers.extrusion } : null,
    events: layers.events ? { kind: answer?.events.kind ?? 'points', inView: answer?.events.inView ?? 0 } : null,
    heatmap: layers.heatmap,
    sites: layers.sites,
    channels: layers.channels,
    links,
    alerts: layers.alerts ? { count: answer ? answer.siteAlerts.length + answer.cellAlerts.length : 0 } : null,
    area: areaDrawn,
  };
}
