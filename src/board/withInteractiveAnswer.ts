import type { BoardAnswer } from './BoardQuery.ts';

/**
 * What the board shows for an interactive answer (asked while the timeline's brush is dragged):
 * its hotspots, events, histogram, facets and figures, over the sites, channels, alerts and links of
 * the answer on screen. An interactive answer does not compute those (BoardQuery.interactive), and
 * showing its empty ones would blank the site colours, alert rings and link arcs on every move of a
 * drag and bring them back when it ends; they stay as they were until the full answer replaces
 * them. The kept parts are the same objects, so the map neither rebuilds nor re-places their marks.
 */
export function withInteractiveAnswer(shown: BoardAnswer | null, answer: BoardAnswer): BoardAnswer {
  if (!answer.interactive || shown === null) return answer;
  return { ...answer, sites: shown.sites, channels: shown.channels, siteAlerts: shown.siteAlerts, cellAlerts: shown.cellAlerts, links: shown.links };
}
