import type { LonLat } from '../LonLat.ts';
import { assemblePolygons } from './assemblePolygons.ts';
import { clockwise, counterClockwise } from './ringArea.ts';
import { positionKey, type PolygonRings, type Ring } from './Ring.ts';

interface Edge {
  from: LonLat;
  to: LonLat;
  used: boolean;
}

function undirectedKey(a: LonLat, b: LonLat): string {
  const ka = positionKey(a);
  const kb = positionKey(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

/**
 * Subtracts territories from a larger polygon set when the two are noded together, as in the OSM
 * country polygons: the territories' coasts are edges of the base polygons (same vertices), and
 * their land boundaries are runs of vertices inside the base.
 *
 * The result is traced from directed edges: every base edge (outers counter-clockwise, holes
 * clockwise) that the territories do not also have, plus every land-boundary run reversed. Pairs
 * of opposite edges cancel, then the edges are chained into rings and grouped into polygons.
 *
 * @param base polygons to cut from (e.g. China including Hong Kong and Macao)
 * @param cutters polygons to remove (e.g. Hong Kong and Macao)
 * @param boundaryRuns the cutters' land boundaries, in the cutters' counter-clockwise order
 * @throws when the edges do not chain into closed rings, i.e. the data is not noded as assumed
 */
export function subtractNodedCoverage(
  base: readonly PolygonRings[],
  cutters: readonly PolygonRings[],
  boundaryRuns: readonly LonLat[][],
): PolygonRings[] {
  const cutterEdges = new Set<string>();
  for (const polygon of cutters) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) cutterEdges.add(undirectedKey(ring[i], ring[i + 1]));
    }
  }
  const edges: Edge[] = [];
  const addEdge = (from: LonLat, to: LonLat): void => {
    if (from[0] !== to[0] || from[1] !== to[1]) edges.push({ from, to, used: false });
  };
  for (const [outer, ...holes] of base) {
    for (const ring of [counterClockwise(outer), ...holes.map(clockwise)]) {
      for (let i = 0; i + 1 < ring.length; i++) {
        if (!cutterEdges.has(undirectedKey(ring[i], ring[i + 1]))) addEdge(ring[i], ring[i + 1]);
      }
    }
  }
  for (const run of boundaryRuns) {
    for (let i = run.length - 1; i > 0; i--) addEdge(run[i], run[i - 1]);
  }

  // Cancel u→v against v→u: such pairs are slits (e.g. runs along a clip edge), not boundaries.
  const byDirection = new Map<string, Edge[]>();
  for (const edge of edges) {
    const key = `${positionKey(edge.from)}>${positionKey(edge.to)}`;
    const opposite = byDirection.get(`${positionKey(edge.to)}>${positionKey(edge.from)}`);
    const twin = opposite?.find((candidate) => !candidate.used);
    if (twin) {
      twin.used = true;
      edge.used = true;
      continue;
    }
    byDirection.set(key, [...(byDirection.get(key) ?? []), edge]);
  }

  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (edge.used) continue;
    const key = positionKey(edge.from);
    const list = outgoing.get(key);
    if (list) list.push(edge);
    else outgoing.set(key, [edge]);
  }
  const rings: Ring[] = [];
  for (const first of edges) {
    if (first.used) continue;
    const startKey = positionKey(first.from);
    const ring: Ring = [first.from];
    let edge: Edge | undefined = first;
    while (edge) {
      edge.used = true;
      ring.push(edge.to);
      const key = positionKey(edge.to);
      if (key === startKey) break;
      edge = outgoing.get(key)?.find((candidate) => !candidate.used);
      if (!edge) throw new Error(`subtractNodedCoverage: open chain at ${key}; are the polygons noded?`);
    }
    if (ring.length >= 4) rings.push(ring);
  }
  return assemblePolygons(rings);
}
