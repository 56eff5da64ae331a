import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AlertItem } from '../../../board/BoardQuery.ts';
import type { LayerContext } from './LayerContext.ts';

/** Layer id of the alert rings (picked as `alert`; the index is a ring, see alertOfRing). */
export const ALERT_LAYER_ID = 'alerts';

/** Radii of the alert's two rings, design pixels: outside a full-size site disc, so a site alert rings its site. */
export const ALERT_RING_RADII = [17, 24] as const;

/** One ring of one alert (each alert has two). */
export interface AlertRing {
  alert: AlertItem;
  ring: 0 | 1;
}

/** The rings of `alerts`, inner and outer for each, in alert order (ring k belongs to alert ⌊k / 2⌋). */
export function alertRings(alerts: readonly AlertItem[]): AlertRing[] {
  return alerts.flatMap((alert) => [
    { alert, ring: 0 as const },
    { alert, ring: 1 as const },
  ]);
}

/**
 * Spike alerts as a double ring in the warn colour over a dark casing — no fill and no icon, so an
 * alert never looks like a site, and the casing keeps it apart from the scale's yellow end under
 * it. The slow pulse is a CSS animation above the map (AlertPulses), which costs WebGL nothing;
 * these static rings are what the PNG export and picking see.
 */
export function alertLayers(rings: readonly AlertRing[], context: LayerContext, alertsKey: string): Layer[] {
  const { palette, scale } = context;
  const common = {
    data: rings as AlertRing[],
    getPosition: (entry: AlertRing) => [entry.alert.lon, entry.alert.lat] as [number, number],
    getRadius: (entry: AlertRing) => ALERT_RING_RADII[entry.ring],
    radiusUnits: 'pixels' as const,
    radiusScale: scale,
    stroked: true,
    lineWidthUnits: 'pixels' as const,
    lineWidthScale: scale,
  };
  return [
    new ScatterplotLayer<AlertRing>({
      ...common,
      id: `${ALERT_LAYER_ID}-casing`,
      filled: false,
      getLineColor: palette.labelHalo,
      getLineWidth: (entry) => (entry.ring === 0 ? 6 : 4.5),
      updateTriggers: { getLineColor: context.theme, getPosition: alertsKey },
    }),
    new ScatterplotLayer<AlertRing>({
      ...common,
      id: ALERT_LAYER_ID,
      // The inner disc is almost clear: it only makes the inside of the ring pickable.
      filled: true,
      getFillColor: (entry) => (entry.ring === 0 ? [palette.alert[0], palette.alert[1], palette.alert[2], 24] : [0, 0, 0, 0]),
      getLineColor: palette.alert,
      getLineWidth: (entry) => (entry.ring === 0 ? 3 : 1.75),
      pickable: true,
      updateTriggers: { getFillColor: context.theme, getLineColor: context.theme, getPosition: alertsKey },
    }),
  ];
}
