import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { LABEL_SIZE, type MapLabel } from '../mapLabels.ts';
import type { LabelSide, ScreenBox } from '../placeLabels.ts';
import type { LayerContext } from './LayerContext.ts';

/** A label the placement kept, with the side it goes on and its offset from the anchor in pixels. */
export interface PlacedMapLabel {
  label: MapLabel;
  side: LabelSide;
  offset: number;
  /** The screen box the placement reserved for it (CSS pixels, at placement time). */
  box: ScreenBox;
}

const ANCHOR: Record<LabelSide, 'start' | 'middle' | 'end'> = { center: 'middle', right: 'start', left: 'end', above: 'middle', below: 'middle' };
const BASELINE: Record<LabelSide, 'center' | 'top' | 'bottom'> = { center: 'center', right: 'center', left: 'center', above: 'bottom', below: 'top' };

function pixelOffset({ side, offset }: PlacedMapLabel): [number, number] {
  return side === 'right' ? [offset, 0] : side === 'left' ? [-offset, 0] : side === 'above' ? [0, -offset] : side === 'below' ? [0, offset] : [0, 0];
}

const byKind = (kind: MapLabel['kind']) => {
  let last: readonly PlacedMapLabel[] | null = null;
  let kept: PlacedMapLabel[] = [];
  // The same placement gives the same array, so deck.gl sees unchanged data between placements.
  return (placed: readonly PlacedMapLabel[]) => {
    if (placed !== last) {
      last = placed;
      kept = placed.filter((entry) => entry.label.kind === kind);
    }
    return kept;
  };
};
const sites = byKind('site');
const cities = byKind('city');

/**
 * City and site names where the placement put them (it already removed every overlap), drawn from
 * the shipped Noto Sans fonts with a halo. `fontKey` changes when the labels' locale or font
 * changes, `placementKey` when the placement does, so deck.gl re-lays out text only then.
 */
export function labelLayers(placed: readonly PlacedMapLabel[], context: LayerContext, fontFamily: string, fontKey: string, placementKey: string): Layer[] {
  const { palette, scale } = context;
  return (['site', 'city'] as const).map(
    (kind) =>
      new TextLayer<PlacedMapLabel>({
        id: `labels-${kind}`,
        data: kind === 'site' ? sites(placed) : cities(placed),
        getPosition: (entry) => [entry.label.lon, entry.label.lat],
        getText: (entry) => entry.label.text,
        getSize: LABEL_SIZE[kind],
        sizeScale: scale,
        getColor: kind === 'city' ? palette.cityLabel : palette.siteLabel,
        fontFamily,
        fontWeight: kind === 'city' ? 700 : 400,
        characterSet: 'auto',
        fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
        outlineWidth: 6,
        outlineColor: palette.labelHalo,
        // Site names sit on busy data: a soft plate keeps them legible; city names keep a halo only.
        background: kind === 'site',
        getBackgroundColor: [palette.labelHalo[0], palette.labelHalo[1], palette.labelHalo[2], 170],
        backgroundPadding: [3 * scale, 1 * scale],
        getTextAnchor: (entry) => ANCHOR[entry.side],
        getAlignmentBaseline: (entry) => BASELINE[entry.side],
        getPixelOffset: pixelOffset,
        updateTriggers: {
          getText: fontKey,
          getColor: context.theme,
          getBackgroundColor: context.theme,
          getTextAnchor: placementKey,
          getAlignmentBaseline: placementKey,
          getPixelOffset: placementKey,
          getPosition: placementKey,
        },
      }),
  );
}
