import { LABEL_SIZE, labelCandidates, type MapLabel } from './mapLabels.ts';
import { placeLabels, type ScreenBox } from './placeLabels.ts';
import type { PlacedMapLabel } from './layers/labelLayer.ts';

/** Where a place is on screen, CSS pixels. */
export type Project = (lon: number, lat: number) => { x: number; y: number };

const context2d = (): CanvasRenderingContext2D | null => document.createElement('canvas').getContext('2d');
let measuring: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of `text` in CSS pixels as a canvas draws it in `font` (cached; the label fonts are loaded by then). */
function measureText(text: string, font: string): number {
  const key = `${font}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    measuring ??= context2d();
    if (measuring === null) return text.length * 10;
    measuring.font = font;
    width = measuring.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

/** Symbols labels keep clear of: round marks at a place, with their radius in CSS pixels. */
export interface LabelObstacle {
  lon: number;
  lat: number;
  radius: number;
}

/**
 * Places `labels` on screen without overlaps (placeLabels: cities first, then sites by risk, each
 * site beside its disc and clear of other sites' discs and alert rings — its own may touch it),
 * measuring text in the font the labels are drawn in. Labels whose place is more than a screen
 * away are left out. Runs on moveend and when the labels change: O(labels · symbols), a few dozen each.
 */
export function layoutLabels(
  labels: readonly MapLabel[],
  project: Project,
  screenSize: { width: number; height: number },
  fontFamily: string,
  scale: number,
  siteRadius: number,
  symbols: readonly LabelObstacle[],
): PlacedMapLabel[] {
  const near = (p: { x: number; y: number }) => p.x > -screenSize.width && p.x < 2 * screenSize.width && p.y > -screenSize.height && p.y < 2 * screenSize.height;
  const projected = labels.map((label) => ({ label, at: project(label.lon, label.lat) })).filter(({ at }) => near(at));
  const shown = projected.map(({ label }) => label);
  const obstacleCentres = symbols.map((symbol) => ({ ...project(symbol.lon, symbol.lat), radius: symbol.radius }));
  const obstacles: ScreenBox[] = obstacleCentres.map(({ x, y, radius }) => ({ left: x - radius, top: y - radius, right: x + radius, bottom: y + radius }));
  const ownObstacles = (at: { x: number; y: number }) => obstacleCentres.flatMap((centre, i) => (Math.abs(centre.x - at.x) < 1 && Math.abs(centre.y - at.y) < 1 ? [i] : []));
  const measure = (text: string, kind: MapLabel['kind']) => measureText(text, `${kind === 'city' ? 700 : 400} ${LABEL_SIZE[kind] * scale}px ${fontFamily}`);
  const owned = new Map(projected.map(({ label, at }) => [label, ownObstacles(at)]));
  const candidates = labelCandidates(
    shown,
    projected.map(({ at }) => at),
    measure,
    scale,
    siteRadius,
    (label) => owned.get(label) ?? [],
  );
  return placeLabels(candidates, obstacles, 2 * scale).map((placed) => ({ label: shown[placed.index], side: placed.side, offset: candidates[placed.index].offset, box: placed.box }));
}
