import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { RiskAnswer } from '../../board/RiskQuery.ts';
import type { SpikeAlert } from '../../risk/computeAlerts.ts';
import type { Theme } from '../preferences.ts';
import type { Rgba } from './layerPalette.ts';

// Sequential ramp from low to high score (colour-blind safe, readable on both themes).
const RAMP: Rgba[] = [
  [254, 240, 138, 150],
  [253, 186, 116, 175],
  [249, 115, 22, 195],
  [220, 38, 38, 215],
  [136, 19, 55, 235],
];

/** Colour of a hotspot from its score relative to the top score (log-scaled, so small cells show). */
export function hotspotColor(score: number, maxScore: number): Rgba {
  if (maxScore <= 0) return RAMP[0];
  const t = Math.log1p(score) / Math.log1p(maxScore);
  const position = Math.min(RAMP.length - 1, Math.max(0, t * (RAMP.length - 1)));
  const low = Math.floor(position);
  const high = Math.min(RAMP.length - 1, low + 1);
  const f = position - low;
  return RAMP[low].map((channel, i) => Math.round(channel + f * (RAMP[high][i] - channel))) as Rgba;
}

/** Hotspot hexagons, alert rings and cross-border link arcs for an engine answer. */
export function buildRiskLayers(answer: RiskAnswer, theme: Theme, selectedCell: string | null): Layer[] {
  const maxScore = answer.hotspotScores.length ? answer.hotspotScores[0] : 0;
  const alerts: SpikeAlert[] = [...answer.cellAlerts, ...answer.siteAlerts];
  const ranks = answer.hotspotCells.map((_, rank) => rank);
  const outline: Rgba = theme === 'dark' ? [255, 255, 255, 220] : [15, 23, 42, 220];
  return [
    new H3HexagonLayer<number>({
      id: 'hotspots',
      data: ranks,
      getHexagon: (rank) => answer.hotspotCells[rank],
      getFillColor: (rank) => hotspotColor(answer.hotspotScores[rank], maxScore),
      getLineColor: (rank) => (answer.hotspotCells[rank] === selectedCell ? outline : [0, 0, 0, 0]),
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      stroked: true,
      extruded: false,
      highPrecision: false,
      pickable: true,
      updateTriggers: { getFillColor: answer.requestId, getLineColor: [answer.requestId, selectedCell, theme], getHexagon: answer.requestId },
    }),
    new ArcLayer({
      id: 'link-arcs',
      data: { length: answer.linkCount, attributes: { getSourcePosition: { value: answer.linkFrom, size: 2 }, getTargetPosition: { value: answer.linkTo, size: 2 } } },
      getSourceColor: [56, 189, 248, 80],
      getTargetColor: [244, 114, 182, 80],
      getWidth: (_: unknown, { index }: { index: number }) => Math.min(5, 0.5 + 0.8 * Math.log2(answer.linkWeight[index])),
      getHeight: 0.4,
      widthUnits: 'pixels',
      updateTriggers: { getWidth: answer.requestId },
    }),
    new ScatterplotLayer<SpikeAlert>({
      id: 'alerts',
      data: alerts,
      getPosition: (alert) => [alert.lon, alert.lat],
      getRadius: 22,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: theme === 'dark' ? [250, 204, 21, 255] : [202, 138, 4, 255],
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      updateTriggers: { getLineColor: theme },
    }),
  ];
}
