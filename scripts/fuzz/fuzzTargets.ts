import { BUNDLE_FUZZ_TARGET } from './bundleFuzzTarget.ts';
import { FEED_FUZZ_TARGETS } from './feedFuzzTargets.ts';
import type { FuzzTarget } from './FuzzTarget.ts';

/** Every input format `npm run fuzz` covers: the three feed formats and briefing bundles. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [...FEED_FUZZ_TARGETS, BUNDLE_FUZZ_TARGET];

/** The target called `name`, or undefined. */
export function fuzzTargetNamed(name: string): FuzzTarget | undefined {
  return FUZZ_TARGETS.find((target) => target.name === name);
}
