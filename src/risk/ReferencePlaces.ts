/**
 * Reference places injected into the risk engine as plain data. The geography module owns the
 * real records; the engine needs only ids and positions, so it takes these minimal shapes.
 */

/** A reference site (control point, port, terminal, airport, station). */
export interface ReferenceSite {
  id: string;
  /** WGS-84 degrees. */
  lon: number;
  lat: number;
  /** Territories the site serves, e.g. `['Mainland', 'Hong Kong']`. */
  jurisdiction: string[];
}

/** A reference channel: a schematic polyline such as a bridge, rail line or shipping lane. */
export interface ReferenceChannel {
  id: string;
  /** Vertices as `[lon, lat]`, WGS-84 degrees. */
  coordinates: [number, number][];
}
