/**
 * A place events cluster around, as injected by the caller (normally a reference-geography site).
 * `modes` may use the reference vocabulary (`pedestrian`, `road`, `bridge`, `ferry`, `sea`, `air`,
 * `rail`) or the feed's TransportMode vocabulary; unknown modes are ignored.
 */
export interface DemoSite {
  id: string;
  /** WGS-84 degrees. */
  lon: number;
  lat: number;
  /** Sides of the boundary the site serves: `Mainland`, `Hong Kong`, `Macao`. */
  jurisdiction: readonly string[];
  modes: readonly string[];
}

/** A cross-border corridor (bridge, rail line, shipping lane) as a WGS-84 `[lon, lat]` polyline. */
export interface DemoChannel {
  id: string;
  coordinates: readonly (readonly [number, number])[];
}

/** What to generate. The same options always give the same records. */
export interface DemoEventOptions {
  /** Any finite number; different seeds give different data. */
  seed: number;
  /** Number of records, a non-negative integer. */
  count: number;
  /** End of the time window, epoch ms (truncated to a whole second). Events fall before it. */
  now: number;
  /** Length of the window before `now`, in days (rounded to whole hours). Default 60. */
  days?: number;
  /** Sites events cluster around; at least one when `count` is positive. */
  sites: readonly DemoSite[];
  /** Corridors a few events are strung along; may be empty. */
  channels: readonly DemoChannel[];
}
