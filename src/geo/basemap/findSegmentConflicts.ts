import type { LonLat } from '../LonLat.ts';
import type { Ring } from './Ring.ts';

/** One edge of one ring: from `rings[ring][index]` to `rings[ring][index + 1]`. */
export interface SegmentRef {
  ring: number;
  index: number;
}

/**
 * What is wrong where two edges meet:
 * - `cross`: they cross in their interiors;
 * - `touch`: an end of one lies on the other, or they share a vertex where that is not allowed;
 * - `overlap`: they run along each other (a zero-width slit or spike, or an edge walked twice);
 * - `repeat`: an edge of zero length (a repeated vertex); `b` is then `a`.
 */
export type ConflictKind = 'cross' | 'touch' | 'overlap' | 'repeat';

/** Two edges that meet where a valid polygon's edges may not. */
export interface SegmentConflict {
  kind: ConflictKind;
  a: SegmentRef;
  b: SegmentRef;
  /** A position where they meet. */
  at: LonLat;
}

/** What counts as allowed contact between edges of different rings; by default nothing does. */
export interface ConflictRules {
  /** Whether the two (different) rings may share an edge, e.g. a land boundary between two territories. */
  mayShareEdge?: (ringA: number, ringB: number) => boolean;
  /**
   * Whether the two rings may touch at the vertex `at` that both have (ringA may equal ringB for
   * a ring that passes a vertex twice). Consecutive edges of a ring always share their vertex.
   */
  mayTouchAt?: (ringA: number, ringB: number, at: LonLat) => boolean;
}

interface Segment {
  ref: SegmentRef;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Position among the ring's edges of non-zero length, to recognise neighbours. */
  ordinal: number;
  /** Number of the ring's edges of non-zero length, to recognise neighbours across the ring's start. */
  ringEdges: number;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function consecutive(s: Segment, t: Segment): boolean {
  if (s.ref.ring !== t.ref.ring) return false;
  const gap = Math.abs(s.ordinal - t.ordinal);
  return gap === 1 || gap === s.ringEdges - 1;
}

function samePoint(x0: number, y0: number, x1: number, y1: number): boolean {
  return x0 === x1 && y0 === y1;
}

/** Position of (x, y) along the segment's longer axis, for collinear overlap tests. */
function along(s: Segment, x: number, y: number): number {
  return Math.abs(s.bx - s.ax) >= Math.abs(s.by - s.ay) ? x : y;
}

/**
 * Classifies how two edges meet; null when they do not meet or meet as allowed. Exact when the
 * coordinates are integers (or otherwise make the orientation products exact), e.g. positions
 * rounded to a grid and scaled to grid units.
 */
function classify(s: Segment, t: Segment, rules: ConflictRules): SegmentConflict | null {
  const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if (o1 * o2 > 0) return null;
  const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o3 * o4 > 0) return null;
  const conflict = (kind: ConflictKind, at: LonLat): SegmentConflict => ({ kind, a: s.ref, b: t.ref, at });

  if (o1 === 0 && o2 === 0) {
    // Collinear: compare the parameter intervals along the longer axis.
    const [s0, s1] = [along(s, s.ax, s.ay), along(s, s.bx, s.by)].sort((p, q) => p - q);
    const [t0, t1] = [along(s, t.ax, t.ay), along(s, t.bx, t.by)].sort((p, q) => p - q);
    const low = Math.max(s0, t0);
    const high = Math.min(s1, t1);
    if (low > high) return null;
    if (low < high) {
      const same =
        (samePoint(s.ax, s.ay, t.ax, t.ay) && samePoint(s.bx, s.by, t.bx, t.by)) ||
        (samePoint(s.ax, s.ay, t.bx, t.by) && samePoint(s.bx, s.by, t.ax, t.ay));
      const shareable = same && s.ref.ring !== t.ref.ring && (rules.mayShareEdge?.(s.ref.ring, t.ref.ring) ?? false);
      return shareable ? null : conflict('overlap', [t.ax, t.ay]);
    }
    // They meet in a single point, which is an end of both (collinear and touching end to end).
  }

  // They meet in one point. Find it among the ends; if it is the end of neither, they cross.
  const sharedEnd: LonLat | null = samePoint(s.ax, s.ay, t.ax, t.ay) || samePoint(s.ax, s.ay, t.bx, t.by)
    ? [s.ax, s.ay]
    : samePoint(s.bx, s.by, t.ax, t.ay) || samePoint(s.bx, s.by, t.bx, t.by)
      ? [s.bx, s.by]
      : null;
  if (sharedEnd) {
    if (consecutive(s, t)) return null;
    return rules.mayTouchAt?.(s.ref.ring, t.ref.ring, sharedEnd) ? null : conflict('touch', sharedEnd);
  }
  if (o1 === 0) return conflict('touch', [t.ax, t.ay]);
  if (o2 === 0) return conflict('touch', [t.bx, t.by]);
  if (o3 === 0) return conflict('touch', [s.ax, s.ay]);
  if (o4 === 0) return conflict('touch', [s.bx, s.by]);
  const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
  const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
  return conflict('cross', [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)]);
}

/** Consecutive edges of a ring that fold back onto each other: a zero-width spike. */
function foldsBack(s: Segment, t: Segment): boolean {
  if (orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by) !== 0) return false;
  // t starts where s ends; it folds back when it heads back along s.
  return (s.bx - s.ax) * (t.bx - t.ax) + (s.by - s.ay) * (t.by - t.ay) < 0;
}

/**
 * Finds every pair of ring edges that meet where the edges of valid, simple polygons may not:
 * crossings, touches, overlaps and zero-length edges, within one ring or between rings. Rings are
 * closed (first position repeated at the end). Candidate pairs come from a sweep over the
 * edges' longitude intervals, so a file of tens of thousands of edges takes milliseconds.
 */
export function findSegmentConflicts(rings: readonly Ring[], rules: ConflictRules = {}): SegmentConflict[] {
  const segments: Segment[] = [];
  const conflicts: SegmentConflict[] = [];
  rings.forEach((ring, r) => {
    const ringSegments: Segment[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      const ref = { ring: r, index: i };
      if (ax === bx && ay === by) {
        conflicts.push({ kind: 'repeat', a: ref, b: ref, at: [ax, ay] });
        continue;
      }
      const bounds = { minX: Math.min(ax, bx), maxX: Math.max(ax, bx), minY: Math.min(ay, by), maxY: Math.max(ay, by) };
      ringSegments.push({ ref, ax, ay, bx, by, ...bounds, ordinal: ringSegments.length, ringEdges: 0 });
    }
    ringSegments.forEach((s, k) => {
      s.ringEdges = ringSegments.length;
      // Spikes between neighbours, which the pair test below lets through as consecutive.
      const next = ringSegments[(k + 1) % ringSegments.length];
      if (next !== s && foldsBack(s, next)) conflicts.push({ kind: 'overlap', a: s.ref, b: next.ref, at: [s.bx, s.by] });
    });
    segments.push(...ringSegments);
  });

  segments.sort((p, q) => p.minX - q.minX);
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((t) => t.maxX >= s.minX);
    for (const t of active) {
      if (t.maxY < s.minY || t.minY > s.maxY) continue;
      const found = classify(s, t, rules);
      if (found) conflicts.push(found);
    }
    active.push(s);
  }
  return conflicts;
}
