/**
 * User-timing marks the board sets when something reaches the screen, for `npm run bench` and
 * for anyone profiling in DevTools. Each mark is cleared right after it is set: a
 * PerformanceObserver still receives it, and a wall that runs for days keeps no growing buffer.
 */

/** Deck drew the layers of a new answer (a full one, an interactive one or a playback step). */
export const ANSWER_DRAWN_MARK = 'tidegate:answer-drawn';
/**
 * Deck updated its layers to a new answer (attributes rebuilt, buffers written: the CPU side of a
 * layer update), just before drawing it. The "filter click → layers updated" ends here.
 */
export const LAYERS_UPDATED_MARK = 'tidegate:layers-updated';
/** Deck drew the map labels in a new language. */
export const LABELS_DRAWN_MARK = 'tidegate:labels-drawn';

/** What an answer-drawn mark carries. */
export interface AnswerDrawnDetail {
  requestId: number;
  hotspots: number;
  interactive: boolean;
}

/** Sets and at once clears a mark (observers see it; the buffer does not keep it). */
export function setBoardMark(name: typeof ANSWER_DRAWN_MARK | typeof LAYERS_UPDATED_MARK | typeof LABELS_DRAWN_MARK, detail: AnswerDrawnDetail | string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name, { detail });
  performance.clearMarks(name);
}
