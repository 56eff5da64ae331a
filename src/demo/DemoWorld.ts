import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { JURISDICTIONS, type Jurisdiction } from '../domain/jurisdictions.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { DemoChannel, DemoSite } from './DemoEventOptions.ts';
import type { DemoLanguage } from './demoDescriptions.ts';
import { DEMO_FACETS, DEMO_MODE_TILTS, demoFacetOfSiteMode, type DemoFacet } from './demoFacets.ts';
import { DEMO_SITE_ACTIVITY } from './demoSiteActivity.ts';
import { DEMO_SOURCES, demoSourcesForSide } from './demoSources.ts';
import { SeededRandom } from './seededRandom.ts';

const METRES_PER_DEGREE = 111_320;
/** Sites this close to a channel vertex are served by that channel (a bridge head, a station). */
const CHANNEL_ATTACH_METRES = 1_500;
/** The Shenzhen River boundary, where drones carry goods across at night. */
const DRONE_ZONE = { minLon: 113.98, maxLon: 114.26, minLat: 22.49, maxLat: 22.57 };

const LANGUAGES: readonly DemoLanguage[] = ['en', 'zhHans', 'zhHant'];
const LANGUAGE_WEIGHTS: Readonly<Record<Jurisdiction, readonly number[]>> = {
  Mainland: [20, 80, 0],
  'Hong Kong': [65, 0, 35],
  Macao: [30, 0, 70],
};

/** One side of a site: the jurisdiction, who reports there, and in which script. */
export interface DemoSideModel {
  jurisdiction: Jurisdiction;
  /** Index into JURISDICTIONS (Mainland 0, Hong Kong 1, Macao 2). */
  slot: number;
  /** Indexes into DEMO_SOURCES. */
  sources: number[];
  sourceCumulative: Float64Array;
  languages: readonly DemoLanguage[];
  languageCumulative: Float64Array;
}

/** Modes and categories of records at one place, as cumulative tables ready for sampling. */
export interface DemoMixModel {
  modes: TransportMode[];
  modeCumulative: Float64Array;
  /** Per entry of `modes`, cumulative weights over CATEGORY_KEYS. */
  categoryCumulative: Float64Array[];
}

/** A site, precomputed for sampling. */
export interface DemoSiteModel extends DemoMixModel {
  id: string;
  lon: number;
  lat: number;
  /** Metres per degree of longitude at the site. */
  metresPerDegreeLon: number;
  sides: DemoSideModel[];
  facets: DemoFacet[];
  scatterMetres: number;
  /** Near the Shenzhen River land crossings: drones may appear, mostly at night. */
  droneZone: boolean;
  /** Channel whose end or vertex the site sits on, or null. */
  channel: string | null;
}

/** A channel, precomputed for sampling points along it. */
export interface DemoChannelModel extends DemoMixModel {
  id: string;
  /** Segment start/end vertices, flattened [lon0, lat0, lon1, lat1] per segment. */
  segments: Float64Array;
  segmentCumulative: Float64Array;
  /** The site nearest each segment's midpoint, whose sides report events there. */
  segmentSite: DemoSiteModel[];
}

/**
 * The injected geography turned into sampling tables: site volumes, per-site mode/category mixes,
 * sources and scripts per side, and channels with lengths and nearest sites. Built once per run.
 */
export class DemoWorld {
  /** The injected sites, in input order. */
  readonly sites: DemoSiteModel[];
  /** Site choice weights (facet volume × known activity), cumulative. */
  readonly siteCumulative: Float64Array;
  /** Channels with at least two usable vertices. */
  readonly channels: DemoChannelModel[];
  /** Channel choice weights (by length, km). Empty when there are no usable channels. */
  readonly channelCumulative: Float64Array;
  /** Mode and category mix of drone records. */
  readonly drone: DemoMixModel;

  constructor(sites: readonly DemoSite[], channels: readonly DemoChannel[]) {
    this.sites = sites.map(buildSite);
    this.siteCumulative = SeededRandom.cumulative(
      this.sites.map((site, index) => DEMO_FACETS[site.facets[0]].activity * (DEMO_SITE_ACTIVITY[sites[index].id] ?? 1)),
    );
    this.channels = [];
    const lengths: number[] = [];
    for (const channel of channels) {
      const model = buildChannel(channel, this.sites);
      if (model === null) continue;
      this.channels.push(model);
      lengths.push(model.segmentCumulative[model.segmentCumulative.length - 1] / 1000);
    }
    this.channelCumulative = SeededRandom.cumulative(lengths);
    for (const site of this.sites) site.channel = nearestChannel(site, this.channels);
    this.drone = buildMix([['drone', 1]]);
  }

  /** The site with this id, or undefined. */
  siteById(id: string): DemoSiteModel | undefined {
    return this.sites.find((site) => site.id === id);
  }
}

function buildSite(site: DemoSite): DemoSiteModel {
  if (!Number.isFinite(site.lon) || !Number.isFinite(site.lat)) {
    throw new RangeError(`site ${site.id}: lon/lat must be finite numbers`);
  }
  const facetWeights: [DemoFacet, number][] = [];
  for (const mode of site.modes) {
    const facet = demoFacetOfSiteMode(mode);
    if (facet === null || facetWeights.some(([known]) => known === facet)) continue;
    // The first listed mode is the site's main business.
    facetWeights.push([facet, facetWeights.length === 0 ? 2 : 1]);
  }
  if (facetWeights.length === 0) facetWeights.push(['road', 1]);
  const facets = facetWeights.map(([facet]) => facet);
  let scatter = 0;
  let weightTotal = 0;
  for (const [facet, weight] of facetWeights) {
    scatter += DEMO_FACETS[facet].scatterMetres * weight;
    weightTotal += weight;
  }
  const inDroneZone =
    site.lon >= DRONE_ZONE.minLon &&
    site.lon <= DRONE_ZONE.maxLon &&
    site.lat >= DRONE_ZONE.minLat &&
    site.lat <= DRONE_ZONE.maxLat &&
    facets.some((facet) => facet === 'road' || facet === 'pedestrian');
  const jurisdictions = site.jurisdiction.length > 0 ? site.jurisdiction : ['Mainland'];
  return {
    id: site.id,
    lon: site.lon,
    lat: site.lat,
    metresPerDegreeLon: METRES_PER_DEGREE * Math.cos((site.lat * Math.PI) / 180),
    sides: jurisdictions.map((jurisdiction) => buildSide(jurisdiction, site.lon, site.lat)),
    facets,
    scatterMetres: scatter / weightTotal,
    droneZone: inDroneZone,
    channel: null,
    ...buildMix(facetWeights),
  };
}

function buildSide(jurisdiction: string, lon: number, lat: number): DemoSideModel {
  const { sources, weights } = demoSourcesForSide(jurisdiction, lon, lat);
  // Unrecognised jurisdictions count as Mainland, as in demoSourcesForSide.
  const slot = Math.max(0, JURISDICTIONS.indexOf(jurisdiction as Jurisdiction));
  return {
    jurisdiction: JURISDICTIONS[slot],
    slot,
    sources: sources.map((source) => DEMO_SOURCES.indexOf(source)),
    sourceCumulative: SeededRandom.cumulative(weights),
    languages: LANGUAGES,
    languageCumulative: SeededRandom.cumulative(LANGUAGE_WEIGHTS[JURISDICTIONS[slot]]),
  };
}

/**
 * Joint mode/category table of a weighted facet mixture: P(mode, category) is the sum over facets
 * of weight × P(mode | facet) × P(category | facet, mode), the last being the facet's category
 * weights tilted for the mode and renormalised, so tilts never change how often a mode occurs.
 */
function buildMix(facetWeights: readonly [DemoFacet, number][]): DemoMixModel {
  const joint = new Map<TransportMode, number[]>();
  let facetTotal = 0;
  for (const [, weight] of facetWeights) facetTotal += weight;
  for (const [facet, facetWeight] of facetWeights) {
    const profile = DEMO_FACETS[facet];
    const modeEntries = Object.entries(profile.modes) as [TransportMode, number][];
    let modeTotal = 0;
    for (const [, weight] of modeEntries) modeTotal += weight;
    for (const [mode, modeWeight] of modeEntries) {
      const tilt = DEMO_MODE_TILTS[mode] ?? {};
      const tilted = CATEGORY_KEYS.map((category: CategoryKey) => profile.categories[category] * (tilt[category] ?? 1));
      const tiltedTotal = tilted.reduce((sum, value) => sum + value, 0);
      const row = joint.get(mode) ?? new Array<number>(CATEGORY_KEYS.length).fill(0);
      const scale = ((facetWeight / facetTotal) * (modeWeight / modeTotal)) / tiltedTotal;
      for (let code = 0; code < row.length; code++) row[code] += tilted[code] * scale;
      joint.set(mode, row);
    }
  }
  const modes = [...joint.keys()];
  const rows = modes.map((mode) => joint.get(mode) as number[]);
  return {
    modes,
    modeCumulative: SeededRandom.cumulative(rows.map((row) => row.reduce((sum, value) => sum + value, 0))),
    categoryCumulative: rows.map((row) => SeededRandom.cumulative(row)),
  };
}

function buildChannel(channel: DemoChannel, sites: readonly DemoSiteModel[]): DemoChannelModel | null {
  const points = channel.coordinates.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
  if (points.length < 2 || sites.length === 0) return null;
  const segments = new Float64Array((points.length - 1) * 4);
  const lengths: number[] = [];
  const segmentSite: DemoSiteModel[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [lon0, lat0] = points[i];
    const [lon1, lat1] = points[i + 1];
    segments.set([lon0, lat0, lon1, lat1], i * 4);
    lengths.push(distanceMetres(lon0, lat0, lon1, lat1));
    segmentSite.push(nearestSite((lon0 + lon1) / 2, (lat0 + lat1) / 2, sites));
  }
  const facet = channelFacet(channel.id);
  return {
    id: channel.id,
    segments,
    segmentCumulative: SeededRandom.cumulative(lengths),
    segmentSite,
    ...buildMix([[facet, 1]]),
  };
}

/** What runs along a channel, guessed from its id: rail lines, shipping lanes, else road bridges. */
function channelFacet(id: string): DemoFacet {
  const lower = id.toLowerCase();
  if (/rail|xrl/.test(lower)) return 'rail';
  if (/channel|shipping|lane|fairway/.test(lower)) return 'sea';
  return 'bridge';
}

function nearestSite(lon: number, lat: number, sites: readonly DemoSiteModel[]): DemoSiteModel {
  let best = sites[0];
  let bestDistance = Infinity;
  for (const site of sites) {
    const distance = distanceMetres(lon, lat, site.lon, site.lat);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = site;
    }
  }
  return best;
}

function nearestChannel(site: DemoSiteModel, channels: readonly DemoChannelModel[]): string | null {
  let best: string | null = null;
  let bestDistance = CHANNEL_ATTACH_METRES;
  for (const channel of channels) {
    const { segments } = channel;
    for (let offset = 0; offset < segments.length; offset += 2) {
      const distance = distanceMetres(site.lon, site.lat, segments[offset], segments[offset + 1]);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = channel.id;
      }
    }
  }
  return best;
}

/** Equirectangular distance; plenty for a bay 400 km across. */
function distanceMetres(lon0: number, lat0: number, lon1: number, lat1: number): number {
  const dy = (lat1 - lat0) * METRES_PER_DEGREE;
  const dx = (lon1 - lon0) * METRES_PER_DEGREE * Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  return Math.sqrt(dx * dx + dy * dy);
}
