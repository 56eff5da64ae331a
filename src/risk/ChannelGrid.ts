import { cosLatitude, distanceKm, KM_PER_DEGREE, scaledDistanceToSegmentKm } from './distanceKm.ts';
import { BoxDecision, UNDECIDED } from './BoxDecision.ts';
import { LonLatGrid } from './LonLatGrid.ts';
import type { ReferenceChannel } from './ReferencePlaces.ts';

/**
 * Margin, km, for decideBox: the local-frame distance is within well under a metre of the true one
 * at the radii used, and its frame differs slightly from point to point.
 */
const FRAME_MARGIN_KM = 0.005;

/** Finds the channel polyline nearest to a point within a radius, through a LonLatGrid of segments. */
export class ChannelGrid {
  /** Four numbers per segment: aLon, aLat, bLon, bLat. */
  private readonly segments: Float64Array;
  private readonly channelOf: Uint32Array;
  private readonly radiusKm: number;
  private readonly grid: LonLatGrid | null;
  private readonly decision: BoxDecision;

  /** `radiusKm` ≤ 0 makes every query miss. A one-vertex channel acts as a point. */
  constructor(channels: readonly ReferenceChannel[], radiusKm: number) {
    const segments: number[] = [];
    const channelOf: number[] = [];
    channels.forEach((channel, index) => {
      const points = channel.coordinates;
      if (points.length === 1) {
        segments.push(points[0][0], points[0][1], points[0][0], points[0][1]);
        channelOf.push(index);
      }
      for (let k = 1; k < points.length; k++) {
        segments.push(points[k - 1][0], points[k - 1][1], points[k][0], points[k][1]);
        channelOf.push(index);
      }
    });
    this.segments = Float64Array.from(segments);
    this.channelOf = Uint32Array.from(channelOf);
    this.radiusKm = radiusKm;
    const boxes = new Float64Array(this.segments.length);
    for (let s = 0; s < this.channelOf.length; s++) {
      const [aLon, aLat, bLon, bLat] = this.segments.subarray(4 * s, 4 * s + 4);
      boxes.set([Math.min(aLon, bLon), Math.min(aLat, bLat), Math.max(aLon, bLon), Math.max(aLat, bLat)], 4 * s);
    }
    this.grid = radiusKm > 0 && this.channelOf.length > 0 ? new LonLatGrid(boxes, radiusKm) : null;
    this.decision = new BoxDecision(radiusKm);
  }

  /** Index of the channel nearest to the point within the radius (lowest index on a tie), or -1. */
  nearest(lon: number, lat: number): number {
    const grid = this.grid;
    if (grid === null) return -1;
    const cell = grid.cellOf(lon, lat);
    if (cell < 0) return -1;
    const seg = this.segments;
    const items = grid.items;
    const kx = KM_PER_DEGREE * cosLatitude(lat);
    let best = -1;
    let bestDistance = Infinity;
    for (let slot = grid.start[cell]; slot < grid.start[cell + 1]; slot++) {
      const s = items[slot];
      const d = scaledDistanceToSegmentKm(lon, lat, kx, seg[4 * s], seg[4 * s + 1], seg[4 * s + 2], seg[4 * s + 3]);
      const channel = this.channelOf[s];
      if (d <= this.radiusKm && (d < bestDistance || (d === bestDistance && channel < best))) {
        best = channel;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * The answer nearest() gives for every point of the lon/lat box when they all share it (a
   * channel index, or -1 when no channel is within the radius of any point), else UNDECIDED. The
   * distance to a polyline changes by at most the distance moved, so each candidate's distance
   * from the box centre, widened by the box's reach and a margin for the local frame's error,
   * bounds it over the whole box.
   */
  decideBox(minLon: number, minLat: number, maxLon: number, maxLat: number): number {
    const grid = this.grid;
    if (grid === null) return -1;
    const lon = (minLon + maxLon) / 2;
    const lat = (minLat + maxLat) / 2;
    const reach = distanceKm(minLon, minLat, maxLon, maxLat) * 0.51 + FRAME_MARGIN_KM;
    const kx = KM_PER_DEGREE * cosLatitude(lat);
    const seg = this.segments;
    const decision = this.decision;
    decision.reset();
    const covered = grid.forEachItemNearBox(minLon, minLat, maxLon, maxLat, (s) => {
      const d = scaledDistanceToSegmentKm(lon, lat, kx, seg[4 * s], seg[4 * s + 1], seg[4 * s + 2], seg[4 * s + 3]);
      decision.add(this.channelOf[s], d - reach, d + reach);
    });
    if (!covered) return UNDECIDED;
    return decision.answer();
  }
}
