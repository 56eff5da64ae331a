import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import { roundLonLat } from '../roundLonLat.ts';
import { findSegmentConflicts, type SegmentRef } from './findSegmentConflicts.ts';
import { pointInRing } from './PolygonSet.ts';
import { ringSignedArea } from './ringArea.ts';
import { positionKey, type PolygonRings } from './Ring.ts';
import { simplifyArc } from './simplifyPolyline.ts';

/** Tunables of simplifyCoverage. */
export interface SimplifyCoverageOptions {
  /** Douglas–Peucker tolerance, degrees of latitude. */
  tolerance: number;
  /** Factor applied to longitudes before measuring distances (cosine of the mean latitude). */
  lonScale: number;
  /** Decimals the output positions are rounded to. */
  decimals: number;
  /** How many times an arc's tolerance is halved before the arc falls back to full detail. */
  halvings?: number;
}

/** Result of simplifyCoverage. */
export interface SimplifiedCoverage {
  /** The layers, polygon for polygon and ring for ring, minus rings that collapsed. */
  layers: PolygonRings[][];
  /**
   * Simplifies and rounds a polyline that runs along ring edges from one node to another (a
   * shared boundary), giving exactly the vertices the rings have there.
   */
  simplifyLine: (line: readonly LonLat[]) => LonLat[];
  /** Rings that had to be dropped because they collapse even at full detail. */
  dropped: number;
}

/** A stretch of ring edges between two nodes, stored in one canonical direction. */
interface Arc {
  points: LonLat[];
  tolerance: number;
  /** Simplified, rounded points at `tolerance`, in the canonical direction. */
  simplified: LonLat[] | null;
}

/** One ring of the input, as the arcs it is made of. */
interface RingPlan {
  layer: number;
  polygon: number;
  /** 0 for the outer ring, 1… for holes. */
  position: number;
  arcs: { arc: number; reversed: boolean }[];
  /** Sign of the input ring's area. */
  sign: number;
  /** A vertex of the ring that simplification keeps and no other ring has, or null. */
  probe: LonLat | null;
}

function distanceSq(a: LonLat, b: LonLat, lonScale: number): number {
  const dx = (a[0] - b[0]) * lonScale;
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

function smallestVertex(points: readonly LonLat[]): number {
  let best = 0;
  points.forEach((p, i) => {
    if (p[0] < points[best][0] || (p[0] === points[best][0] && p[1] < points[best][1])) best = i;
  });
  return best;
}

function farthestFrom(points: readonly LonLat[], from: number, lonScale: number): number {
  let best = from;
  let bestSq = -1;
  points.forEach((p, i) => {
    const d = distanceSq(p, points[from], lonScale);
    if (d > bestSq) {
      best = i;
      bestSq = d;
    }
  });
  return best;
}

/**
 * Positions where rings meet: vertices with other than two distinct neighbours over all rings.
 * Along a shared boundary each vertex has the same two neighbours in both rings; where the
 * boundary leaves the coast, or where two rings touch, a vertex has three or more.
 */
function findNodes(rings: readonly (readonly LonLat[])[]): Set<string> {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: LonLat, b: LonLat): void => {
    const key = positionKey(a);
    const set = neighbours.get(key);
    if (set) set.add(positionKey(b));
    else neighbours.set(key, new Set([positionKey(b)]));
  };
  for (const points of rings) {
    for (let i = 0; i < points.length; i++) {
      const next = points[(i + 1) % points.length];
      link(points[i], next);
      link(next, points[i]);
    }
  }
  const nodes = new Set<string>();
  for (const [key, set] of neighbours) if (set.size !== 2) nodes.add(key);
  return nodes;
}

/**
 * Inserts into a ring's edge every vertex of another ring that lies on it. A clipper drops
 * vertices in the middle of a straight line, so where two output rings touch, only one of them
 * may have the vertex; with it in both, the touch is a node like any other. Positions are compared
 * on the output grid (`scale` units per degree).
 */
function insertTouchingVertices(rings: LonLat[][], scale: number): void {
  const grid = rings.map((points) => [...points, points[0]].map(([x, y]): LonLat => [Math.round(x * scale), Math.round(y * scale)]));
  const inserts = new Map<string, { ring: number; index: number; point: LonLat; along: number }>();
  for (const { kind, a, b, at } of findSegmentConflicts(grid, { mayShareEdge: () => true, mayTouchAt: (ra, rb) => ra !== rb })) {
    if (kind !== 'touch' || a.ring === b.ring) continue;
    for (const [onto, from] of [[a, b], [b, a]]) {
      const edge = [grid[onto.ring][onto.index], grid[onto.ring][onto.index + 1]];
      if (edge.some(([x, y]) => x === at[0] && y === at[1])) continue;
      const end = [from.index, from.index + 1].find((i) => grid[from.ring][i][0] === at[0] && grid[from.ring][i][1] === at[1]);
      if (end === undefined) continue;
      const point = rings[from.ring][end % rings[from.ring].length];
      const along = Math.abs(at[0] - edge[0][0]) + Math.abs(at[1] - edge[0][1]);
      inserts.set(`${onto.ring}:${onto.index}:${positionKey(at)}`, { ring: onto.ring, index: onto.index, point, along });
    }
  }
  const sorted = [...inserts.values()].sort((p, q) => q.ring - p.ring || q.index - p.index || q.along - p.along);
  for (const { ring, index, point } of sorted) rings[ring].splice(index + 1, 0, [point[0], point[1]]);
}

/** Where a ring is cut into arcs: its nodes, or two far-apart vertices when it has fewer than two. */
function anchorsOf(points: readonly LonLat[], nodes: Set<string>, lonScale: number): number[] {
  const anchors = points.map((p, i) => (nodes.has(positionKey(p)) ? i : -1)).filter((i) => i >= 0);
  if (anchors.length === 0) anchors.push(smallestVertex(points));
  if (anchors.length === 1) anchors.push(farthestFrom(points, anchors[0], lonScale));
  return anchors.sort((a, b) => a - b);
}

/** Key of an arc walked from `from` through `next`: an arc between nodes is fixed by its first edge. */
function directedKey(from: LonLat, next: LonLat): string {
  return `${positionKey(from)}>${positionKey(next)}`;
}

function dedupeClosed(points: LonLat[], owners: number[]): { points: LonLat[]; owners: number[] } {
  const keptPoints: LonLat[] = [];
  const keptOwners: number[] = [];
  points.forEach((p, i) => {
    const last = keptPoints[keptPoints.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    keptPoints.push(p);
    keptOwners.push(owners[i]);
  });
  while (keptPoints.length > 1 && keptPoints[0][0] === keptPoints[keptPoints.length - 1][0] && keptPoints[0][1] === keptPoints[keptPoints.length - 1][1]) {
    keptPoints.pop();
    keptOwners.pop();
  }
  return { points: keptPoints, owners: keptOwners };
}

interface BuiltRing {
  plan: number;
  points: LonLat[];
  /** Arc of each edge (edge i runs from points[i] to points[i + 1]). */
  owners: number[];
  /** points in grid units (integers), for exact tests. */
  grid: LonLat[];
  box: BBox;
}

function boxOf(points: readonly LonLat[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

function inBox(box: BBox, [x, y]: LonLat, margin = 0): boolean {
  return x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin;
}

function segmentDistanceSq([px, py]: LonLat, [ax, ay]: LonLat, [bx, by]: LonLat): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
}

/**
 * Simplifies a coverage of polygon layers (e.g. the land of several jurisdictions that share
 * boundaries) so that the result stays valid: every ring simple, holes inside their outers, no
 * ring crossing or touching another except where the input rings met, no ring jumping into or
 * out of another, and shared boundaries identical on both sides.
 *
 * The rings are cut into arcs at the nodes where they meet; each arc is simplified once
 * (Douglas–Peucker, the same way whichever ring walks it) and rounded. Then the result is
 * checked: edge against edge (findSegmentConflicts), and each ring's side of every other ring
 * (a vertex the ring keeps, tested against the other ring before and after). The arcs at fault
 * get half their tolerance and the check runs again, down to full detail. The input must itself
 * be valid, e.g. the output of a robust polygon clipper, and on the rounding grid as far as
 * possible, so that full detail is a valid fallback. A ring that collapses even at full detail
 * (fewer than three distinct positions or no area left after rounding) is dropped.
 *
 * @param layers polygons of each layer; rings of different layers may share edges
 * @throws when some conflict remains at full detail (the input is invalid, or rounding broke it)
 */
export function simplifyCoverage(layers: readonly (readonly PolygonRings[])[], options: SimplifyCoverageOptions): SimplifiedCoverage {
  const { tolerance, lonScale, decimals } = options;
  const halvings = options.halvings ?? 4;
  const scale = 10 ** decimals;
  const toGrid = ([x, y]: LonLat): LonLat => [Math.round(x * scale), Math.round(y * scale)];

  const plans: RingPlan[] = [];
  const openRings: LonLat[][] = [];
  layers.forEach((polygons, layer) =>
    polygons.forEach((rings, polygon) =>
      rings.forEach((ring, position) => {
        const first = ring[0];
        const last = ring[ring.length - 1];
        const open = first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
        if (open.length < 3) return;
        openRings.push(open);
        plans.push({ layer, polygon, position, arcs: [], sign: Math.sign(ringSignedArea([...open, open[0]])), probe: null });
      }),
    ),
  );
  insertTouchingVertices(openRings, scale);
  const nodes = findNodes(openRings);
  // Rings may meet where the input rings met: at the positions that more than one ring has.
  const ringsAt = new Map<string, number>();
  for (const points of openRings) {
    for (const key of new Set(points.map((p) => positionKey(roundLonLat(p, decimals))))) ringsAt.set(key, (ringsAt.get(key) ?? 0) + 1);
  }
  const shared = (p: LonLat): boolean => (ringsAt.get(positionKey(roundLonLat(p, decimals))) ?? 0) > 1;

  const arcs: Arc[] = [];
  const arcByKey = new Map<string, { arc: number; reversed: boolean }>();
  openRings.forEach((points, r) => {
    const anchors = anchorsOf(points, nodes, lonScale);
    // The ring's probe for the side tests: a vertex that every simplification keeps and no other ring has.
    const probe = anchors.find((i) => !shared(points[i]));
    plans[r].probe = probe === undefined ? null : points[probe];
    for (let k = 0; k < anchors.length; k++) {
      const from = anchors[k];
      const to = anchors[(k + 1) % anchors.length];
      const walk = to > from ? points.slice(from, to + 1) : [...points.slice(from), ...points.slice(0, to + 1)];
      const forward = directedKey(walk[0], walk[1]);
      let use = arcByKey.get(forward);
      if (!use) {
        const backward = directedKey(walk[walk.length - 1], walk[walk.length - 2]);
        const reversed = backward < forward;
        arcs.push({ points: reversed ? [...walk].reverse() : walk, tolerance, simplified: null });
        arcByKey.set(forward, { arc: arcs.length - 1, reversed });
        arcByKey.set(backward, { arc: arcs.length - 1, reversed: !reversed });
        use = { arc: arcs.length - 1, reversed };
      }
      plans[r].arcs.push(use);
    }
  });
  const rawRings = openRings.map((points) => [...points, points[0]]);
  const rawBoxes = rawRings.map(boxOf);

  const simplifiedArc = (index: number): LonLat[] => {
    const arc = arcs[index];
    if (!arc.simplified) {
      const kept = arc.tolerance > 0 ? simplifyArc(arc.points, arc.tolerance, lonScale) : arc.points;
      arc.simplified = kept.map((p) => roundLonLat(p, decimals));
    }
    return arc.simplified;
  };
  /** Halves an arc's tolerance (to zero at the end); false when it is at full detail already. */
  const lower = (index: number): boolean => {
    const arc = arcs[index];
    if (arc.tolerance === 0) return false;
    arc.tolerance = arc.tolerance > tolerance / 2 ** halvings ? arc.tolerance / 2 : 0;
    arc.simplified = null;
    return true;
  };

  /** Builds every ring from its arcs; lowers the arcs of rings that collapse and drops those that cannot. */
  const dropped = new Set<number>();
  const assemble = (): { rings: BuiltRing[]; changed: boolean } => {
    const rings: BuiltRing[] = [];
    let changed = false;
    plans.forEach((plan, p) => {
      if (dropped.has(p)) return;
      const points: LonLat[] = [];
      const owners: number[] = [];
      for (const { arc, reversed } of plan.arcs) {
        const simplified = simplifiedArc(arc);
        const walk = reversed ? [...simplified].reverse() : simplified;
        for (const point of walk.slice(0, -1)) {
          points.push(point);
          owners.push(arc);
        }
      }
      const ring = dedupeClosed(points, owners);
      const closed = [...ring.points, ring.points[0]];
      const grid = closed.map(toGrid);
      if (ring.points.length >= 3 && Math.sign(ringSignedArea(grid)) === plan.sign) {
        rings.push({ plan: p, points: closed, owners: ring.owners, grid, box: boxOf(closed) });
        return;
      }
      let lowered = false;
      for (const { arc } of plan.arcs) lowered = lower(arc) || lowered;
      if (lowered) changed = true;
      else dropped.add(p);
    });
    return { rings, changed };
  };

  /** Arcs to lower so that no two edges meet where they may not. */
  const crossingArcs = (rings: BuiltRing[]): { arcs: Set<number>; first: string | null } => {
    const conflicts = findSegmentConflicts(
      rings.map((ring) => ring.grid),
      {
        mayShareEdge: (a, b) => plans[rings[a].plan].layer !== plans[rings[b].plan].layer,
        mayTouchAt: (a, b, at) => a !== b && (ringsAt.get(positionKey([at[0] / scale, at[1] / scale])) ?? 0) > 1,
      },
    );
    const out = new Set<number>();
    const ownersNear = ({ ring, index }: SegmentRef): number[] => {
      const { owners } = rings[ring];
      const n = owners.length;
      return [owners[(index + n - 1) % n], owners[index % n], owners[(index + 1) % n]];
    };
    for (const { a, b } of conflicts) for (const arc of [...ownersNear(a), ...ownersNear(b)]) out.add(arc);
    const first = conflicts[0] ? `${conflicts[0].kind} at ${positionKey([conflicts[0].at[0] / scale, conflicts[0].at[1] / scale])}` : null;
    return { arcs: out, first };
  };

  /** Arcs to lower so that every ring stays on the same side of every other ring. */
  const sideArcs = (rings: BuiltRing[]): { arcs: Set<number>; first: string | null } => {
    const out = new Set<number>();
    let first: string | null = null;
    const reach = tolerance * scale * 1.5 + 2;
    for (const subject of rings) {
      const probe = plans[subject.plan].probe;
      if (!probe) continue;
      const gridProbe = toGrid(probe);
      const rounded = roundLonLat(probe, decimals);
      for (const other of rings) {
        if (other === subject || !(inBox(rawBoxes[other.plan], probe) || inBox(other.box, rounded))) continue;
        const before = pointInRing(rawRings[other.plan], probe[0], probe[1]);
        const after = pointInRing(other.grid, gridProbe[0], gridProbe[1]);
        if (before === after) continue;
        first ??= `ring side flip at ${positionKey(rounded)}`;
        for (let i = 0; i + 1 < other.grid.length; i++) {
          if (segmentDistanceSq(gridProbe, other.grid[i], other.grid[i + 1]) <= reach * reach) out.add(other.owners[i]);
        }
      }
    }
    return { arcs: out, first };
  };

  const settle = (): BuiltRing[] => {
    for (;;) {
      const { rings, changed } = assemble();
      if (changed) continue;
      const crossing = crossingArcs(rings);
      const sides = sideArcs(rings);
      let lowered = false;
      for (const arc of [...crossing.arcs, ...sides.arcs]) lowered = lower(arc) || lowered;
      if (lowered) continue;
      const problem = crossing.first ?? sides.first;
      if (problem) throw new Error(`simplifyCoverage: the rings still conflict at full detail, e.g. ${problem}`);
      return rings;
    }
  };
  const rings = settle();

  const out: PolygonRings[][] = layers.map((polygons) => polygons.map((): PolygonRings => []));
  for (const { plan, points } of rings) {
    const { layer, polygon, position } = plans[plan];
    const target = out[layer][polygon];
    // A polygon whose outer ring was dropped loses its holes with it.
    if (position === 0 || target.length > 0) target.push(points);
  }

  const simplifyLine = (line: readonly LonLat[]): LonLat[] => {
    const result: LonLat[] = [];
    let start = 0;
    for (let i = 1; i < line.length; i++) {
      if (i < line.length - 1 && !nodes.has(positionKey(line[i]))) continue;
      const use = arcByKey.get(directedKey(line[start], line[start + 1]));
      const raw = use && arcs[use.arc].points;
      const end = raw && (use.reversed ? raw[0] : raw[raw.length - 1]);
      if (!use || !end || positionKey(end) !== positionKey(line[i])) {
        throw new Error(`simplifyCoverage: the line does not follow the arcs from ${positionKey(line[start])} to ${positionKey(line[i])}`);
      }
      const simplified = simplifiedArc(use.arc);
      const walk = use.reversed ? [...simplified].reverse() : simplified;
      for (const point of walk) {
        const last = result[result.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) result.push(point);
      }
      start = i;
    }
    return result;
  };

  return { layers: out.map((polygons) => polygons.filter((rings) => rings.length > 0)), simplifyLine, dropped: dropped.size };
}
