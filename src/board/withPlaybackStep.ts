import type { BoardAnswer, PlaybackAnswer } from './BoardQuery.ts';

/**
 * What the board shows during playback: the last full answer with the hotspots (layer and ranked
 * list) and T of the latest step. The rest — sites, channels, alerts, links, events, figures —
 * stays as the full answer had it until playback stops and one full answer replaces it all; the
 * result is marked `interactive` so that views can tell.
 */
export function withPlaybackStep(answer: BoardAnswer, step: PlaybackAnswer): BoardAnswer {
  return { ...answer, time: step.time, interactive: true, hotspotLayer: step.hotspotLayer, hotspots: step.hotspots };
}
