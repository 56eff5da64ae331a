import type { BundleContents } from '../bundle/readBundle.ts';
import type { HandlingTally } from '../bundle/handlingPolicy.ts';
import type { HandlingCode } from '../domain/handlingCodes.ts';
import type { ViewModel, ViewState } from '../view/ViewState.ts';

/** One step of a bundle's briefing sequence as the page gets it: the note and a restored view. */
export interface BriefingStep {
  note: string;
  /** Restored through restoreViewState when the bundle was read. */
  state: ViewState;
}

/**
 * What the page shows of a verified bundle before the user chooses to merge or brief: small plain
 * data (no events), everything from the signed manifest or computed by the reader.
 */
export interface BundleSummary {
  /** ISO time the maker's clock gave. */
  created: string;
  signer: { fingerprint: string; name: string | null; trusted: boolean };
  encrypted: boolean;
  level: HandlingCode;
  carried: HandlingTally;
  withheld: HandlingTally;
  events: number;
  minTime: number | null;
  maxTime: number | null;
  model: ViewModel;
  steps: BriefingStep[];
  /** The bundle was made with other reference geography (sites may be attributed differently). */
  geographyDiffers: boolean;
}

/** The summary of verified contents. */
export function bundleSummaryOf(contents: BundleContents): BundleSummary {
  const { manifest, signer } = contents;
  return {
    created: manifest.created,
    signer: { fingerprint: signer.fingerprint, name: signer.name, trusted: signer.trusted },
    encrypted: contents.encrypted,
    level: manifest.handling.level,
    carried: { ...manifest.handling.carried },
    withheld: { ...manifest.handling.withheld },
    events: manifest.events.count,
    minTime: manifest.events.minTime,
    maxTime: manifest.events.maxTime,
    model: contents.model,
    steps: contents.views.map(({ note, restored }) => ({ note, state: restored.state })),
    geographyDiffers: contents.warnings.some((warning) => warning.code === 'geography-differs'),
  };
}
