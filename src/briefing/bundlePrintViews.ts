import { formatFingerprint } from '../bundle/signingKeys.ts';
import type { ViewState } from '../view/ViewState.ts';
import { presentedView } from './briefingSteps.ts';
import type { BundleSummary } from './BundleSummary.ts';

/** What printing a bundle's briefing takes: its views in order with their notes, and who made it. */
export interface BundlePrint {
  views: { view: ViewState; note: string }[];
  /** The pages' "prepared by": the signer's name (when it gave one) and its key's first 16 hex digits. */
  creator: string;
}

/** Hex digits of the signer's fingerprint a printed page names (as the briefing bar shows it). */
const PRINTED_FINGERPRINT_DIGITS = 16;

/**
 * Every view of a bundle's briefing sequence, for printing: each as the briefing shows it (its own
 * state in the viewer's language and theme, in briefing mode), its note as carried. The creator
 * names the key as well as the name, because the name is the signer's own claim and only the key
 * is verified.
 */
export function bundlePrintViews(summary: Pick<BundleSummary, 'steps' | 'signer'>, current: Pick<ViewState, 'locale' | 'theme'>): BundlePrint {
  const key = formatFingerprint(summary.signer.fingerprint.slice(0, PRINTED_FINGERPRINT_DIGITS));
  const name = summary.signer.name?.trim() ?? '';
  return {
    views: summary.steps.map((step) => ({ view: presentedView(step.state, current, 'briefing'), note: step.note })),
    creator: name === '' ? key : `${name} (${key})`,
  };
}
