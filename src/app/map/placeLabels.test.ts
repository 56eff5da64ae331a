import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBox, placeLabels, type LabelCandidate, type LabelSide, type ScreenBox } from './placeLabels.ts';

const SIDES: LabelSide[] = ['center', 'right', 'left', 'above', 'below'];

const candidateArbitrary: fc.Arbitrary<LabelCandidate> = fc.record({
  x: fc.integer({ min: 0, max: 600 }),
  y: fc.integer({ min: 0, max: 400 }),
  width: fc.integer({ min: 4, max: 200 }),
  height: fc.integer({ min: 4, max: 30 }),
  priority: fc.integer({ min: 0, max: 3 }),
  sides: fc.shuffledSubarray(SIDES, { minLength: 1 }),
  offset: fc.integer({ min: 0, max: 20 }),
  avoidObstacles: fc.boolean(),
  ownObstacles: fc.constant([]),
});

const obstacleArbitrary: fc.Arbitrary<ScreenBox> = fc
  .record({ x: fc.integer({ min: 0, max: 600 }), y: fc.integer({ min: 0, max: 400 }), r: fc.integer({ min: 1, max: 15 }) })
  .map(({ x, y, r }) => ({ left: x - r, top: y - r, right: x + r, bottom: y + r }));

describe('placeLabels', () => {
  it('never overlaps two labels, never covers a symbol a label avoids, and leaves a label out only when every side was taken first', () => {
    fc.assert(
      fc.property(fc.array(candidateArbitrary, { maxLength: 40 }), fc.array(obstacleArbitrary, { maxLength: 10 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 16, max: 300 }), (candidates, obstacles, gap, cellSize) => {
        const placed = placeLabels(candidates, obstacles, gap, cellSize);
        const byIndex = new Map(placed.map((label) => [label.index, label]));
        expect(byIndex.size).toBe(placed.length);
        for (let a = 0; a < placed.length; a++) {
          for (let b = a + 1; b < placed.length; b++) expect(boxesOverlap(placed[a].box, placed[b].box, gap)).toBe(false);
          const candidate = candidates[placed[a].index];
          expect(placed[a].box).toEqual(labelBox(candidate, placed[a].side));
          if (candidate.avoidObstacles) for (const obstacle of obstacles) expect(boxesOverlap(placed[a].box, obstacle)).toBe(false);
        }
        // Plain reference for a left-out label: each of its sides meets a label of higher or equal
        // priority placed before it, or a symbol it avoids.
        candidates.forEach((candidate, index) => {
          if (byIndex.has(index)) return;
          const earlier = placed.filter((label) => {
            const other = candidates[label.index];
            return other.priority > candidate.priority || (other.priority === candidate.priority && label.index < index);
          });
          for (const side of candidate.sides) {
            const box = labelBox(candidate, side);
            const blocked = earlier.some((label) => boxesOverlap(box, label.box, gap)) || (candidate.avoidObstacles && obstacles.some((obstacle) => boxesOverlap(box, obstacle)));
            expect(blocked).toBe(true);
          }
        });
      }),
    );
  });

  it('lets a higher priority win the same spot, and tries the next side before giving up', () => {
    const base = { width: 50, height: 10, sides: ['right', 'left'] as LabelSide[], offset: 5, avoidObstacles: true, ownObstacles: [] };
    const city: LabelCandidate = { ...base, x: 100, y: 100, priority: 10, sides: ['center'] };
    const site: LabelCandidate = { ...base, x: 70, y: 100, priority: 1 };
    const placed = placeLabels([site, city], []);
    expect(placed.map((label) => [label.index, label.side])).toEqual([
      [1, 'center'],
      [0, 'left'],
    ]);
  });

  it('lets a label touch its own symbol but not another’s', () => {
    const own = { left: 95, top: 95, right: 105, bottom: 105 };
    const candidate: LabelCandidate = { x: 100, y: 100, width: 40, height: 10, priority: 0, sides: ['center'], offset: 0, avoidObstacles: true, ownObstacles: [0] };
    expect(placeLabels([candidate], [own])).toHaveLength(1);
    expect(placeLabels([{ ...candidate, ownObstacles: [] }], [own])).toHaveLength(0);
    expect(placeLabels([candidate], [own, { ...own, left: 110, right: 130 }])).toHaveLength(0);
  });
});
