import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import { roundLonLat } from '../roundLonLat.ts';
import type { ControlLineFeature } from './BasemapFeature.ts';
import { channelMidline } from './channelMidline.ts';
import { PolygonSet } from './PolygonSet.ts';
import type { PolygonRings } from './Ring.ts';
import { simplifyPolyline } from './simplifyPolyline.ts';

/** A point on the Cotai reclamation, used to find the Taipa–Cotai–Coloane polygon. */
export const COTAI_POINT: LonLat = [113.5625, 22.1425];

/**
 * The stretch of the Shizimen (Shisanmen) channel between Hengqin and Cotai/Coloane where the
 * first line runs: from the channel's south mouth (about 22.10° N) to the north tip of Taipa.
 */
export const FIRST_LINE_WINDOW: BBox = [113.535, 22.105, 113.56, 22.168];

/**
 * The second line along the Maliuzhou waterway (马骝洲水道, about 11 km between Wanzai and
 * Xiaohengqin), west to east, up to where it meets the first line. The land polygons close this
 * waterway, so these vertices are reasoned, not measured: the west end is south of the Hongwan
 * fishing port (22.178° N, 113.437° E, on the waterway's north bank) at the channel west of
 * Hengqin; the east end is the channel junction south-west of the Macao peninsula.
 */
export const SECOND_LINE_SCHEMATIC: readonly LonLat[] = [
  [113.433, 22.1705],
  [113.46, 22.169],
  [113.49, 22.1665],
  [113.515, 22.166],
];

/**
 * Hengqin's two customs lines (customs-domain.md): the first line faces Macao across the
 * Shizimen channel and is traced as that channel's median between the final land polygons; the
 * second line faces the rest of the Mainland along the Maliuzhou waterway and is schematic. Both
 * are `estimated`: no source gives the lines' legal positions.
 */
export function hengqinControlLines(mainland: readonly PolygonRings[], macao: readonly PolygonRings[], lonScale: number): ControlLineFeature[] {
  const cotai = macao.find((polygon) => new PolygonSet([polygon]).contains(COTAI_POINT[0], COTAI_POINT[1]));
  if (!cotai) throw new Error('hengqinControlLines: no Macao polygon covers Cotai');
  const across = [...mainland, ...macao.filter((polygon) => polygon !== cotai)].map((polygon) => polygon[0]);
  const midline = channelMidline(cotai[0], across, FIRST_LINE_WINDOW, 0.001, lonScale);
  if (midline.length < 2) throw new Error('hengqinControlLines: the Shizimen channel was not found');
  if (midline[0][1] > midline[midline.length - 1][1]) midline.reverse();
  // Notches in the coast make the raw median step back south; the channel runs south to north.
  const northward: LonLat[] = [];
  for (const p of midline) if (northward.length === 0 || p[1] > northward[northward.length - 1][1]) northward.push(p);
  const first = simplifyPolyline(northward, 0.0004, lonScale).map((p) => roundLonLat(p));
  const second = [...SECOND_LINE_SCHEMATIC.map((p) => roundLonLat(p)), first[first.length - 1]];
  return [
    {
      type: 'Feature',
      properties: {
        layer: 'control_line',
        line: 'first',
        confidence: 'estimated',
        note: 'Median of the Shizimen channel between Hengqin and Cotai/Coloane, computed from the land polygons; the legal line is not sourced.',
      },
      geometry: { type: 'LineString', coordinates: first },
    },
    {
      type: 'Feature',
      properties: {
        layer: 'control_line',
        line: 'second',
        confidence: 'estimated',
        note: 'Schematic course of the Maliuzhou waterway between Hengqin and Wanzai (Zhuhai), from reasoned coordinates; the land polygons do not show the waterway.',
      },
      geometry: { type: 'LineString', coordinates: second },
    },
  ];
}
