/** An axis-aligned screen rectangle, CSS pixels. */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a label sits relative to its anchor. */
export type LabelSide = 'center' | 'right' | 'left' | 'above' | 'below';

/** A label that wants a place on screen. */
export interface LabelCandidate {
  /** Anchor on screen, CSS pixels. */
  x: number;
  y: number;
  /** Size of the label's text box, CSS pixels. */
  width: number;
  height: number;
  /** Higher wins; ties keep input order. */
  priority: number;
  /** Sides to try, in order of preference. */
  sides: readonly LabelSide[];
  /** Distance from the anchor to a side placement (the radius of the symbol the label names). */
  offset: number;
  /** Whether `obstacles` may not be covered (cities ignore site symbols; site labels avoid them). */
  avoidObstacles: boolean;
  /** Indexes into `obstacles` of the label's own symbols (its disc, its alert rings), which it may touch. */
  ownObstacles: readonly number[];
}

/** A placed label: which candidate, on which side, in which box. */
export interface PlacedLabel {
  index: number;
  side: LabelSide;
  box: ScreenBox;
}

/** The box a label takes on `side` of its anchor. */
export function labelBox(candidate: LabelCandidate, side: LabelSide): ScreenBox {
  const { x, y, width, height, offset } = candidate;
  switch (side) {
    case 'center':
      return { left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 };
    case 'right':
      return { left: x + offset, top: y - height / 2, right: x + offset + width, bottom: y + height / 2 };
    case 'left':
      return { left: x - offset - width, top: y - height / 2, right: x - offset, bottom: y + height / 2 };
    case 'above':
      return { left: x - width / 2, top: y - offset - height, right: x + width / 2, bottom: y - offset };
    case 'below':
      return { left: x - width / 2, top: y + offset, right: x + width / 2, bottom: y + offset + height };
  }
}

/** Whether two boxes overlap once each is grown by `gap` / 2 (touching at exactly `gap` apart is allowed). */
export function boxesOverlap(a: ScreenBox, b: ScreenBox, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/**
 * Greedy label placement, the way map renderers declutter: candidates in order of priority, each
 * on the first of its sides where it overlaps no label placed before it (nor, when it avoids
 * them, another place's symbol), else left out. So labels never pile up, a higher-priority label
 * is never pushed out by a lower one, and a left-out label had no free side. Boxes lie on a grid
 * of `cellSize` pixels so each test looks only at nearby labels.
 */
export function placeLabels(candidates: readonly LabelCandidate[], obstacles: readonly ScreenBox[], gap = 2, cellSize = 128): PlacedLabel[] {
  const order = candidates.map((_, index) => index).sort((a, b) => candidates[b].priority - candidates[a].priority || a - b);
  const grid = new Map<string, PlacedLabel[]>();
  const cellsOf = (box: ScreenBox): string[] => {
    const keys: string[] = [];
    const x0 = Math.floor((box.left - gap) / cellSize);
    const x1 = Math.floor((box.right + gap) / cellSize);
    const y0 = Math.floor((box.top - gap) / cellSize);
    const y1 = Math.floor((box.bottom + gap) / cellSize);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(`${cx},${cy}`);
    return keys;
  };
  const placed: PlacedLabel[] = [];
  for (const index of order) {
    const candidate = candidates[index];
    for (const side of candidate.sides) {
      const box = labelBox(candidate, side);
      const keys = cellsOf(box);
      const hitsLabel = keys.some((key) => grid.get(key)?.some((other) => boxesOverlap(box, other.box, gap)));
      if (hitsLabel) continue;
      const hitsSymbol = candidate.avoidObstacles && obstacles.some((obstacle, o) => !candidate.ownObstacles.includes(o) && boxesOverlap(box, obstacle));
      if (hitsSymbol) continue;
      const label = { index, side, box };
      placed.push(label);
      for (const key of keys) {
        const bucket = grid.get(key);
        if (bucket) bucket.push(label);
        else grid.set(key, [label]);
      }
      break;
    }
  }
  return placed;
}
