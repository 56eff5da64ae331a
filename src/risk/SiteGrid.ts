import { cosLatitude, EARTH_RADIUS_KM, haversineKm } from './distanceKm.ts';
import { BoxDecision, UNDECIDED } from './BoxDecision.ts';
import { LonLatGrid } from './LonLatGrid.ts';

const HALF_RAD = Math.PI / 360;

/** Half-angles (radians) up to which approximateHaversineKm's series are exact to ~1e-14. */
const SERIES_LIMIT = 0.01;

// Multiplications, not divisions: the divider is the slow unit here.
const SIXTH = 1 / 6;
const TWENTIETH = 1 / 20;
const NINE_TWENTIETHS = 9 / 20;
const EARTH_DIAMETER_KM = 2 * EARTH_RADIUS_KM;

/** Relative width of the interval known to hold the exact haversineKm around the approximation. */
const SLACK = 1e-9;

/** Margin, km, by which decideBox's distance intervals are widened against rounding. */
const BOX_MARGIN_KM = 1e-6;

/**
 * haversineKm with the sines and the arcsine replaced by their Taylor series: no trigonometry, and
 * within a relative 1e-13 of haversineKm for points less than ~120 km apart. NaN when the points
 * are farther apart than the series allow.
 */
function approximateHaversineKm(
  lon1: number,
  lat1: number,
  cosLat1: number,
  lon2: number,
  lat2: number,
  cosLat2: number,
): number {
  const y = (lat2 - lat1) * HALF_RAD;
  const x = (lon2 - lon1) * HALF_RAD;
  if (!(Math.abs(x) <= SERIES_LIMIT && Math.abs(y) <= SERIES_LIMIT)) return Number.NaN;
  const y2 = y * y;
  const x2 = x * x;
  const sinY = y * (1 - y2 * SIXTH * (1 - y2 * TWENTIETH));
  const sinX = x * (1 - x2 * SIXTH * (1 - x2 * TWENTIETH));
  const s = Math.sqrt(sinY * sinY + cosLat1 * cosLat2 * sinX * sinX);
  if (!(s <= SERIES_LIMIT)) return Number.NaN;
  const s2 = s * s;
  return EARTH_DIAMETER_KM * s * (1 + s2 * SIXTH * (1 + s2 * NINE_TWENTIETHS));
}

/** Finds the nearest of a fixed set of points within a radius, through a LonLatGrid. */
export class SiteGrid {
  private readonly lons: Float64Array;
  private readonly lats: Float64Array;
  private readonly cosLats: Float64Array;
  private readonly radiusKm: number;
  private readonly grid: LonLatGrid | null;
  private readonly decision: BoxDecision;

  /** Points as parallel lon/lat lists; `radiusKm` ≤ 0 makes every query miss. */
  constructor(lons: ArrayLike<number>, lats: ArrayLike<number>, radiusKm: number) {
    this.lons = Float64Array.from(lons);
    this.lats = Float64Array.from(lats);
    this.cosLats = this.lats.map(cosLatitude);
    this.radiusKm = radiusKm;
    const boxes = new Float64Array(this.lons.length * 4);
    for (let i = 0; i < this.lons.length; i++) boxes.set([this.lons[i], this.lats[i], this.lons[i], this.lats[i]], 4 * i);
    this.grid = radiusKm > 0 && this.lons.length > 0 ? new LonLatGrid(boxes, radiusKm) : null;
    this.decision = new BoxDecision(radiusKm);
  }

  /**
   * Index of the nearest point within the radius (lowest index on a tie), or -1. Distances are
   * those of distanceKm; the trigonometry behind them is the cost, so each candidate first gets an
   * interval from approximateHaversineKm, and the exact distance is computed only when intervals
   * cannot decide (near the radius, or two candidates about as near).
   */
  nearest(lon: number, lat: number): number {
    const grid = this.grid;
    if (grid === null) return -1;
    const cell = grid.cellOf(lon, lat);
    if (cell < 0) return -1;
    const { lons, lats, cosLats, radiusKm } = this;
    const items = grid.items;
    const cosLat = cosLatitude(lat);
    let best = -1;
    /** Interval holding the best candidate's distance; a single point once computed exactly. */
    let bestLow = Infinity;
    let bestHigh = Infinity;
    for (let slot = grid.start[cell]; slot < grid.start[cell + 1]; slot++) {
      const i = items[slot];
      const approximate = approximateHaversineKm(lon, lat, cosLat, lons[i], lats[i], cosLats[i]);
      let low = approximate * (1 - SLACK);
      let high = approximate * (1 + SLACK);
      if (approximate !== approximate) low = high = haversineKm(lon, lat, cosLat, lons[i], lats[i], cosLats[i]);
      if (low > radiusKm) continue;
      const overlaps = best >= 0 && high >= bestLow && low <= bestHigh;
      if (low !== high && (high > radiusKm || overlaps)) {
        low = high = haversineKm(lon, lat, cosLat, lons[i], lats[i], cosLats[i]);
        if (low > radiusKm) continue;
      }
      if (overlaps && bestLow !== bestHigh) {
        bestLow = bestHigh = haversineKm(lon, lat, cosLat, lons[best], lats[best], cosLats[best]);
      }
      // Either the intervals are apart, or both are exact distances.
      if (best < 0 || high < bestLow || (low === bestLow && high === bestHigh && i < best)) {
        best = i;
        bestLow = low;
        bestHigh = high;
      }
    }
    return best;
  }

  /**
   * The answer nearest() gives for every point of the lon/lat box, when they all share it: the
   * index of a point, or -1 when no point of the box is within the radius; else UNDECIDED. Decides
   * only when no point of the box is near a tie or the radius, by bounding each candidate's
   * distance with the triangle inequality around the box centre, so it never disagrees with
   * nearest(); boxes wider than a grid cell are UNDECIDED.
   */
  decideBox(minLon: number, minLat: number, maxLon: number, maxLat: number): number {
    const grid = this.grid;
    if (grid === null) return -1;
    const { lons, lats, cosLats } = this;
    const lon = (minLon + maxLon) / 2;
    const lat = (minLat + maxLat) / 2;
    const cosLat = cosLatitude(lat);
    // Distance from the centre to the farthest corner (the south corners: the box is narrowest in
    // km at its north edge in the northern hemisphere, so take both), with room for curvature.
    const reach =
      Math.max(
        haversineKm(lon, lat, cosLat, minLon, minLat, cosLatitude(minLat)),
        haversineKm(lon, lat, cosLat, minLon, maxLat, cosLatitude(maxLat)),
      ) *
        1.01 +
      BOX_MARGIN_KM;
    const decision = this.decision;
    decision.reset();
    const covered = grid.forEachItemNearBox(minLon, minLat, maxLon, maxLat, (i) => {
      let d = approximateHaversineKm(lon, lat, cosLat, lons[i], lats[i], cosLats[i]);
      if (d !== d) d = haversineKm(lon, lat, cosLat, lons[i], lats[i], cosLats[i]);
      decision.add(i, d * (1 - SLACK) - reach, d * (1 + SLACK) + reach);
    });
    if (!covered) return UNDECIDED;
    return decision.answer();
  }
}
