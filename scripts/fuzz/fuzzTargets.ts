import { FEED_FUZZ_TARGETS } from './feedFuzzTargets.ts';
import type { FuzzTarget } from './FuzzTarget.ts';

/** Every input format `npm run fuzz` covers; a new format (bundles, …) adds its target here. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [...FEED_FUZZ_TARGETS];

/** The target called `name`, or undefined. */
export function fuzzTargetNamed(name: string): FuzzTarget | undefined {
  return FUZZ_TARGETS.find((target) => target.name === name);
}
