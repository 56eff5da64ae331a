import type { Theme } from '../../../view/ViewState.ts';
import type { LayerPalette } from '../layerPalette.ts';
import type { Rgb } from '../../../board/sequentialScale.ts';

/** What every layer factory draws with: theme colours, the sequential scale and the size scale. */
export interface LayerContext {
  theme: Theme;
  palette: LayerPalette;
  /** The theme's sequential scale, low to high risk. */
  stops: readonly Rgb[];
  /** CSS pixels per design pixel: the root font size over 16, so a wall's larger root scales marks. */
  scale: number;
  /** Map zoom, for marks that shrink at the overview. */
  zoom: number;
  /** The map is moving: layers that cost more than they tell during a pan may rest. */
  moving: boolean;
}

/** Zoom from which sites get their full-size discs and labels. */
export const DETAIL_ZOOM = 9;

/** Size factor of place symbols at `zoom`: smaller at the overview so clustered ports do not pile up. */
export function symbolZoomFactor(zoom: number): number {
  return zoom >= DETAIL_ZOOM ? 1 : zoom >= 7.5 ? 0.8 : 0.65;
}
