import { PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { PlaceLayerData } from '../../../board/BoardQuery.ts';
import type { ReferenceChannel } from '../../../geo/referenceGeography.ts';
import { placeFractions } from '../layerAttributes.ts';
import type { Rgba } from '../layerPalette.ts';
import { sequentialColor } from '../../../board/sequentialScale.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the channel lines (picked as `channel`, index into the drawing's channels). */
export const CHANNEL_LAYER_ID = 'channels';

/** One channel as drawn. */
export interface ChannelMark {
  channel: ReferenceChannel;
  placeIndex: number;
  score: number;
  count: number;
  color: Rgba;
}

/** Channels with their risk on the sequential scale (the neutral ink when none); O(channels). */
export function channelMarks(channels: readonly ReferenceChannel[], places: PlaceLayerData | null, context: LayerContext): ChannelMark[] {
  const indexOf = new Map(places?.ids.slice(0, places.referenceCount).map((id, i) => [id, i]) ?? []);
  const fractions = places ? placeFractions(places.scores, places.referenceCount) : null;
  return channels.map((channel) => {
    const placeIndex = indexOf.get(channel.id) ?? -1;
    const t = fractions && placeIndex >= 0 ? fractions[placeIndex] : Number.NaN;
    const color: Rgba = Number.isNaN(t) ? context.palette.siteNeutral : [...sequentialColor(context.stops, t), channel.confidence === 'estimated' ? 190 : 240];
    return {
      channel,
      placeIndex,
      score: placeIndex >= 0 && places ? places.scores[placeIndex] : 0,
      count: placeIndex >= 0 && places ? places.counts[placeIndex] : 0,
      color,
    };
  });
}

/** Channels as lines coloured by risk over a thin casing, so low-risk (dark) lines still read. */
export function channelLayers(marks: readonly ChannelMark[], context: LayerContext, marksKey: string): Layer[] {
  const common = {
    data: marks as ChannelMark[],
    getPath: (mark: ChannelMark) => mark.channel.coordinates as [number, number][],
    widthUnits: 'pixels' as const,
    capRounded: true,
    jointRounded: true,
  };
  return [
    new PathLayer<ChannelMark>({
      ...common,
      id: 'channel-casing',
      getColor: context.palette.channelCasing,
      getWidth: 5.5,
      widthScale: context.scale,
      updateTriggers: { getColor: context.theme },
    }),
    new PathLayer<ChannelMark>({
      ...common,
      id: CHANNEL_LAYER_ID,
      getColor: (mark) => mark.color,
      getWidth: 3.5,
      widthScale: context.scale,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      updateTriggers: { getColor: marksKey },
    }),
  ];
}
