import type { Layer, PickingInfo } from '@deck.gl/core';
import type { AlertItem, BoardAnswer } from '../../board/BoardQuery.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES, siteById, channelById } from '../../geo/referenceGeography.ts';
import { LAYER_KEYS, type LayerKey, type Selection, type Theme } from '../../view/ViewState.ts';
import { cellHexOf, rankOfCell } from '../../board/cellHexOf.ts';
import { LAYER_PALETTES } from './layerPalette.ts';
import { stackLayers } from './layerStack.ts';
import { ALERT_LAYER_ID, ALERT_RING_RADII, alertLayers, alertRings, type AlertRing } from './layers/alertLayer.ts';
import { areaLayers } from './layers/areaLayer.ts';
import { CHANNEL_LAYER_ID, channelLayers, channelMarks, type ChannelMark } from './layers/channelLayer.ts';
import { EVENT_LAYER_ID, eventDrawing, eventLayer, type EventDrawing } from './layers/eventLayer.ts';
import { heatmapDrawing, heatmapLayer, type HeatmapDrawing, type HeatmapLayerClass } from './layers/heatmapLayer.ts';
import { HOTSPOT_LAYER_ID, hotspotDrawing, hotspotLayer, type HotspotDrawing } from './layers/hotspotLayer.ts';
import { labelLayers, type PlacedMapLabel } from './layers/labelLayer.ts';
import type { LayerContext } from './layers/LayerContext.ts';
import { LINK_LAYER_ID, linkDrawing, linkLayer, type LinkDrawing } from './layers/linkLayer.ts';
import { SITE_LAYER_ID, SITE_RADIUS, siteLayers, siteMarks, type SiteMark } from './layers/siteLayer.ts';
import { selectionLayers, type SelectionMark } from './layers/selectionLayer.ts';
import { sequentialStops } from '../../board/sequentialScale.ts';
import { alertsOf } from '../../board/alertsOf.ts';

/** Everything the overlay draws from, as MapView holds it. */
export interface MapLayerInput {
  answer: BoardAnswer | null;
  layers: Readonly<Record<LayerKey, boolean>>;
  theme: Theme;
  scale: number;
  zoom: number;
  moving: boolean;
  selection: Selection | null;
  area: readonly [number, number][] | null;
  drawingArea: boolean;
  /** Placed labels and the font they are drawn in (null until the fonts for them are loaded). */
  labels: { placed: readonly PlacedMapLabel[]; fontFamily: string; fontKey: string; placementKey: string } | null;
  /** deck.gl's HeatmapLayer once loaded (it loads when the heatmap is first switched on). */
  heatmap: HeatmapLayerClass | null;
  /**
   * Until the first answer is on screen, only the hotspots are drawn (no other layer, no area or
   * selection mark): with software WebGL each further kind of layer costs its shaders' compile
   * (0.3–0.5 s each on a first load), and the hotspots are what the board is opened for. The rest
   * follows in the next frame.
   */
  hotspotsFirst: boolean;
}

/** Something under the pointer, resolved to what it is. */
export type MapPick =
  | { kind: 'hotspot'; rank: number }
  | { kind: 'site'; mark: SiteMark }
  | { kind: 'channel'; mark: ChannelMark }
  | { kind: 'alert'; alert: AlertItem }
  | { kind: 'event'; index: number }
  | { kind: 'link'; index: number };

/** Caches one derived value per identity of its inputs (the answer's arrays, the theme). */
class Memo<T> {
  private keys: readonly unknown[] | null = null;
  private value: T | null = null;
  /** Counts the values made: a layer's update trigger, so deck recomputes colours only for new marks. */
  version = 0;
  get(keys: readonly unknown[], make: () => T): T {
    if (this.keys === null || this.keys.length !== keys.length || this.keys.some((key, i) => key !== keys[i])) {
      this.value = make();
      this.keys = keys;
      this.version++;
    }
    return this.value as T;
  }
}

/**
 * Builds the overlay's layer stack from the answer and the view. Everything derived from the
 * answer (meshes, colour and size arrays, site and channel marks) is computed once per answer and
 * theme and kept, so that a zoom, a hover or a selection rebuilds only cheap layer descriptors and
 * deck.gl sees the same data objects (no attribute work). Also resolves picks back to what they are.
 */
export class MapLayerBuilder {
  private readonly hotspots = new Memo<HotspotDrawing>();
  private readonly events = new Memo<EventDrawing>();
  private readonly heat = new Memo<HeatmapDrawing>();
  private readonly links = new Memo<LinkDrawing>();
  private readonly sites = new Memo<SiteMark[]>();
  private readonly channels = new Memo<ChannelMark[]>();
  private readonly rings = new Memo<AlertRing[]>();
  private readonly selectionMark = new Memo<SelectionMark>();
  private current: { answer: BoardAnswer | null; sites: SiteMark[]; channels: ChannelMark[]; alerts: readonly AlertItem[]; links: LinkDrawing | null } = { answer: null, sites: [], channels: [], alerts: [], links: null };

  /** The layer context of an input. */
  context(input: MapLayerInput): LayerContext {
    return { theme: input.theme, palette: LAYER_PALETTES[input.theme], stops: sequentialStops(input.theme), scale: input.scale, zoom: input.zoom, moving: input.moving };
  }

  /** The site marks for `answer` and `theme` (also what labels rank sites by). */
  siteMarks(answer: BoardAnswer | null, theme: Theme, scale: number): SiteMark[] {
    const context = this.context({ theme, scale, zoom: 0, moving: false } as MapLayerInput);
    return this.sites.get([answer?.sites, theme], () => siteMarks(REFERENCE_SITES, answer?.sites ?? null, context));
  }

  /** The layer stack for `input`. */
  build(input: MapLayerInput): Layer[] {
    const context = this.context(input);
    const { answer, theme } = input;
    const layers = input.hotspotsFirst ? hotspotsOnly(input.layers) : input.layers;
    const sites = this.siteMarks(answer, theme, input.scale);
    const channels = this.channels.get([answer?.channels, theme], () => channelMarks(REFERENCE_CHANNELS, answer?.channels ?? null, context));
    // The same list while a playback step or an interactive answer keeps the alerts before: the
    // rings and their layers then stay as they are.
    const alerts = alertsOf(answer);
    const rings = this.rings.get([alerts], () => alertRings(alerts));
    const hotspots = answer && layers.hotspots && answer.hotspotLayer.count > 0 ? this.hotspots.get([answer.hotspotLayer, theme], () => hotspotDrawing(answer.hotspotLayer, context.stops)) : null;
    const events = answer && layers.events && answer.events.count > 0 ? this.events.get([answer.events], () => eventDrawing(answer.events)) : null;
    const heat = answer && layers.heatmap && input.heatmap && answer.events.count > 0 ? this.heat.get([answer.events], () => heatmapDrawing(answer.events)) : null;
    const links = answer && layers.links && answer.links.count > 0 ? this.links.get([answer.links, theme], () => linkDrawing(answer.links, context.palette)) : null;
    this.current = { answer, sites, channels, alerts, links };
    const selection = this.selectionMark.get([input.selection, answer], () => selectionMarkOf(input.selection, answer, alerts));
    return stackLayers({
      heatmap: heat && input.heatmap ? [heatmapLayer(input.heatmap, heat, context)] : [],
      hotspots: hotspots ? [hotspotLayer(hotspots, context, layers.extrusion)] : [],
      channels: layers.channels ? channelLayers(channels, context, `channels/${this.channels.version}`) : [],
      links: links ? [linkLayer(links, context)] : [],
      events: events ? [eventLayer(events, context)] : [],
      sites: layers.sites ? siteLayers(sites, context, `sites/${this.sites.version}`) : [],
      alerts: layers.alerts && alerts.length > 0 ? alertLayers(rings, context, `alerts/${this.rings.version}`) : [],
      area: input.hotspotsFirst ? [] : areaLayers(input.area, input.drawingArea, context),
      selection: input.hotspotsFirst ? [] : selectionLayers(selection, context),
      labels: layers.labels && input.labels ? labelLayers(input.labels.placed, context, input.labels.fontFamily, input.labels.fontKey, input.labels.placementKey) : [],
    });
  }

  /** What a deck.gl pick is, in terms of the answer last built (null for nothing pickable). */
  pickOf(info: PickingInfo): MapPick | null {
    if (!info.picked || info.layer === null || info.layer === undefined || info.index < 0) return null;
    const { answer, sites, channels, alerts, links } = this.current;
    switch (info.layer.id) {
      case HOTSPOT_LAYER_ID:
        return answer && info.index < answer.hotspotLayer.count ? { kind: 'hotspot', rank: info.index } : null;
      case SITE_LAYER_ID:
        return sites[info.index] ? { kind: 'site', mark: sites[info.index] } : null;
      case CHANNEL_LAYER_ID:
        return channels[info.index] ? { kind: 'channel', mark: channels[info.index] } : null;
      case ALERT_LAYER_ID:
        // Two rings per alert, in alert order.
        return alerts[info.index >> 1] ? { kind: 'alert', alert: alerts[info.index >> 1] } : null;
      case EVENT_LAYER_ID:
        return answer && info.index < answer.events.count ? { kind: 'event', index: info.index } : null;
      case LINK_LAYER_ID:
        return links && info.index < links.arcs.length ? { kind: 'link', index: links.arcs[info.index] } : null;
      default:
        return null;
    }
  }

  /** The answer the last build drew. */
  get answer(): BoardAnswer | null {
    return this.current.answer;
  }

  /** The selection a pick makes (events need their record first; links and aggregates select nothing). */
  selectionOf(pick: MapPick): Selection | null {
    const answer = this.current.answer;
    switch (pick.kind) {
      case 'hotspot':
        return answer ? { kind: 'hotspot', cell: cellHexOf(answer.hotspotLayer.cellHigh[pick.rank], answer.hotspotLayer.cellLow[pick.rank]) } : null;
      case 'site':
        return { kind: 'site', id: pick.mark.site.id };
      case 'channel':
        return { kind: 'channel', id: pick.mark.channel.id };
      case 'alert':
        return { kind: 'alert', target: pick.alert.target, id: pick.alert.id };
      default:
        return null;
    }
  }
}

/** The layer switches with all but the hotspots (and their extrusion) off. */
function hotspotsOnly(layers: Readonly<Record<LayerKey, boolean>>): Record<LayerKey, boolean> {
  return Object.fromEntries(LAYER_KEYS.map((key) => [key, (key === 'hotspots' || key === 'extrusion') && layers[key]])) as Record<LayerKey, boolean>;
}

/** Where the selection is on the map, from the answer (a cell's outline, a place's position). */
function selectionMarkOf(selection: Selection | null, answer: BoardAnswer | null, alerts: readonly AlertItem[]): SelectionMark {
  if (selection === null) return null;
  switch (selection.kind) {
    case 'hotspot': {
      if (!answer) return null;
      const layer = answer.hotspotLayer;
      const rank = rankOfCell(selection.cell, layer.cellHigh, layer.cellLow, layer.count);
      if (rank < 0) return null;
      const ring: [number, number][] = [];
      for (let v = layer.outlineStart[rank]; v < layer.outlineStart[rank + 1]; v++) ring.push([layer.outline[2 * v], layer.outline[2 * v + 1]]);
      if (ring.length > 0) ring.push(ring[0]);
      return { kind: 'outline', ring };
    }
    case 'site': {
      const site = siteById(selection.id);
      return site ? { kind: 'point', lon: site.lon, lat: site.lat, radius: SITE_RADIUS + 4 } : null;
    }
    case 'channel': {
      const channel = channelById(selection.id);
      return channel ? { kind: 'outline', ring: channel.coordinates.map(([lon, lat]) => [lon, lat] as [number, number]) } : null;
    }
    case 'alert': {
      const alert = alerts.find((item) => item.target === selection.target && item.id === selection.id);
      return alert ? { kind: 'point', lon: alert.lon, lat: alert.lat, radius: ALERT_RING_RADII[1] + 4 } : null;
    }
    default:
      return null;
  }
}
