import { describe, expect, it } from 'vitest';
import type { BoardAnswer } from './BoardQuery.ts';
import { withInteractiveAnswer } from './withInteractiveAnswer.ts';

function answerOf(requestId: number, interactive: boolean, tag: string): BoardAnswer {
  return {
    requestId,
    interactive,
    time: requestId * 1000,
    hotspots: [{ cell: `${tag}-cell` }],
    hotspotLayer: { count: 1, tag },
    sites: { count: interactive ? 0 : 3, tag },
    channels: { count: interactive ? 0 : 2, tag },
    siteAlerts: interactive ? [] : [{ id: `${tag}-site-alert` }],
    cellAlerts: interactive ? [] : [{ id: `${tag}-cell-alert` }],
    links: { count: interactive ? 0 : 5, tag },
    events: { count: 7, tag },
    histogram: { tag },
    facets: { tag },
    figures: { tag },
  } as unknown as BoardAnswer;
}

describe('withInteractiveAnswer', () => {
  it("keeps the shown answer's sites, channels, alerts and links (the same objects) under an interactive answer's own parts", () => {
    const full = answerOf(1, false, 'full');
    const drag = answerOf(2, true, 'drag');
    const shown = withInteractiveAnswer(full, drag);
    for (const key of ['sites', 'channels', 'siteAlerts', 'cellAlerts', 'links'] as const) expect(shown[key]).toBe(full[key]);
    for (const key of ['requestId', 'time', 'interactive', 'hotspots', 'hotspotLayer', 'events', 'histogram', 'facets', 'figures'] as const) expect(shown[key]).toBe(drag[key]);
    // A drag goes on: still the last full answer's places, never the empty ones.
    const next = withInteractiveAnswer(shown, answerOf(3, true, 'drag2'));
    expect(next.sites).toBe(full.sites);
    expect(next.cellAlerts).toBe(full.cellAlerts);
    expect(next.hotspots[0].cell).toBe('drag2-cell');
  });

  it('takes a full answer whole, and an interactive one whole when nothing is on screen yet', () => {
    const full = answerOf(4, false, 'full');
    expect(withInteractiveAnswer(answerOf(3, true, 'drag'), full)).toBe(full);
    expect(withInteractiveAnswer(answerOf(1, false, 'old'), full)).toBe(full);
    const first = answerOf(1, true, 'drag');
    expect(withInteractiveAnswer(null, first)).toBe(first);
  });
});
