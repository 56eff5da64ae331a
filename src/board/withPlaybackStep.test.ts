import { describe, expect, it } from 'vitest';
import type { BoardAnswer, PlaybackAnswer } from './BoardQuery.ts';
import { withPlaybackStep } from './withPlaybackStep.ts';

describe('withPlaybackStep', () => {
  it("shows the step's T and hotspots over the full answer, marked interactive, the rest untouched", () => {
    const answer = { requestId: 4, time: 1000, interactive: false, hotspots: [], hotspotLayer: { count: 0 }, cellAlerts: [{ id: 'a' }], figures: { events: 9 } } as unknown as BoardAnswer;
    const step = { requestId: 7, cancelled: false, time: 5000, hotspots: [{ cell: 'c' }], hotspotLayer: { count: 1 }, timing: { totalMs: 1 } } as unknown as PlaybackAnswer;
    const shown = withPlaybackStep(answer, step);
    expect(shown).toMatchObject({ requestId: 4, time: 5000, interactive: true, hotspots: step.hotspots, hotspotLayer: step.hotspotLayer });
    expect(shown.cellAlerts).toBe(answer.cellAlerts);
    expect(shown.figures).toBe(answer.figures);
    expect(answer.time).toBe(1000);
  });
});
