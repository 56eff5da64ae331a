import { describe, expect, it } from 'vitest';
import { findSegmentConflicts } from './findSegmentConflicts.ts';
import type { Ring } from './Ring.ts';

const square: Ring = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];

function kinds(rings: Ring[], rules = {}): string[] {
  return findSegmentConflicts(rings, rules).map((c) => c.kind).sort();
}

describe('findSegmentConflicts', () => {
  it('finds nothing in simple rings, nested or apart', () => {
    const hole: Ring = [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]];
    const apart: Ring = [[10, 0], [11, 0], [10, 1], [10, 0]];
    expect(findSegmentConflicts([square, hole, apart])).toEqual([]);
  });

  it('finds a bow tie crossing itself', () => {
    const bowTie: Ring = [[0, 0], [4, 4], [4, 0], [0, 4], [0, 0]];
    const [conflict] = findSegmentConflicts([bowTie]);
    expect(conflict.kind).toBe('cross');
    expect(conflict.at).toEqual([2, 2]);
  });

  it('finds a zero-width slit walked out and back', () => {
    // A clip along a box edge joining two pieces: (4,0)→(6,0)→(4,0) twice over one edge.
    const slit: Ring = [[0, 0], [4, 0], [6, 0], [6, 2], [6, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(kinds([slit])).toContain('overlap');
  });

  it('finds a spike that folds back on itself', () => {
    const spike: Ring = [[0, 0], [4, 0], [6, 0], [3, 0], [3, 4], [0, 4], [0, 0]];
    expect(kinds([spike])).toContain('overlap');
  });

  it('finds a ring touching itself at a vertex, allowed only where the rules say', () => {
    // Two triangles joined at (2,2): a figure eight.
    const eight: Ring = [[0, 0], [2, 2], [4, 0], [4, 4], [2, 2], [0, 4], [0, 0]];
    expect(kinds([eight])).toEqual(['touch', 'touch', 'touch', 'touch']);
    expect(kinds([eight], { mayTouchAt: () => true })).toEqual([]);
  });

  it('finds a vertex of one ring on an edge of another', () => {
    const tee: Ring = [[2, 4], [3, 6], [1, 6], [2, 4]];
    const found = findSegmentConflicts([square, tee], { mayTouchAt: () => true });
    expect(found.map((c) => [c.kind, c.at])).toEqual([
      ['touch', [2, 4]],
      ['touch', [2, 4]],
    ]);
  });

  it('lets two rings share an edge or a vertex only where the rules say', () => {
    const east: Ring = [[4, 0], [8, 0], [8, 4], [4, 4], [4, 0]];
    // The shared edge, and at each of its ends three pairs of edges meeting at a vertex.
    expect(kinds([square, east])).toEqual(['overlap', 'touch', 'touch', 'touch', 'touch', 'touch', 'touch']);
    expect(kinds([square, east], { mayShareEdge: () => true, mayTouchAt: () => true })).toEqual([]);
    const overlapping: Ring = [[4, 1], [8, 1], [8, 3], [4, 3], [4, 1]];
    expect(kinds([square, overlapping], { mayShareEdge: () => true, mayTouchAt: () => true })).toContain('overlap');
  });

  it('finds repeated vertices', () => {
    const repeated: Ring = [[0, 0], [4, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(kinds([repeated])).toEqual(['repeat']);
  });
});
