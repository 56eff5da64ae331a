/**
 * Parameters of a Molodensky-Badekas transformation in the EPSG "coordinate frame" convention
 * (method 9636): translations in metres, rotations in arc-seconds, scale in ppm, and the
 * evaluation point (pivot) in geocentric metres of the source datum.
 */
export interface MolodenskyBadekasParameters {
  tx: number;
  ty: number;
  tz: number;
  rx: number;
  ry: number;
  rz: number;
  ppm: number;
  px: number;
  py: number;
  pz: number;
}

const ARC_SECOND = Math.PI / 180 / 3600;

/**
 * Rewrites a Molodensky-Badekas transformation as the equivalent 7-parameter Helmert in the
 * position-vector convention of PROJ's `+towgs84` (tx, ty, tz, rx, ry, rz, ppm), which proj4js
 * can apply. The pivot folds into the translation: T' = T + P − (1 + s)·R·P; the rotation signs
 * flip between the two conventions. Both use the same linearised rotation matrix, so the result
 * is exact rather than an approximation.
 */
export function molodenskyBadekasToHelmert(p: MolodenskyBadekasParameters): [number, number, number, number, number, number, number] {
  const m = 1 + p.ppm * 1e-6;
  const rx = p.rx * ARC_SECOND;
  const ry = p.ry * ARC_SECOND;
  const rz = p.rz * ARC_SECOND;
  // Coordinate-frame rotation matrix applied to the pivot.
  const rpx = p.px + rz * p.py - ry * p.pz;
  const rpy = -rz * p.px + p.py + rx * p.pz;
  const rpz = ry * p.px - rx * p.py + p.pz;
  return [p.tx + p.px - m * rpx, p.ty + p.py - m * rpy, p.tz + p.pz - m * rpz, -p.rx, -p.ry, -p.rz, p.ppm];
}
