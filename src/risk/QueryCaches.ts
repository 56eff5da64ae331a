import type { PlaceAttribution } from './siteAttribution.ts';

/** How many extra attributions a cache keeps; each is a Uint16 per event. */
const ATTRIBUTION_LIMIT = 4;

/**
 * What the passes may keep between queries over one table: the mask of the filters the weights
 * cannot carry (one deep, since a time scrub repeats the same filters query after query) and
 * attributions to other place lists or radii than the table's own. Owned by a RiskEngine; a pass
 * called without one computes everything afresh.
 */
export class QueryCaches {
  private restMask: { key: string; mask: Uint8Array | null } | null = null;
  private readonly attributions = new Map<string, PlaceAttribution>();

  /** The cached mask for the filter key `key`, else `build()`'s, which is kept. */
  restMaskFor(key: string, build: () => Uint8Array | null): Uint8Array | null {
    if (this.restMask === null || this.restMask.key !== key) this.restMask = { key, mask: build() };
    return this.restMask.mask;
  }

  /** The cached attribution for `key`, else `compute()`'s, which is kept (the oldest goes first). */
  attributionFor(key: string, compute: () => PlaceAttribution): PlaceAttribution {
    let found = this.attributions.get(key);
    if (found === undefined) {
      if (this.attributions.size >= ATTRIBUTION_LIMIT) this.attributions.delete(this.attributions.keys().next().value as string);
      this.attributions.set(key, (found = compute()));
    }
    return found;
  }
}
