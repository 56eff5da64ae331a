import type { EventChunk } from '../events/EventChunk.ts';
import { emptyHandlingTally, handlingTallyKey, HANDLING_TALLY_KEYS, mayCarry, type HandlingPolicy, type HandlingTally } from '../bundle/handlingPolicy.ts';
import { HANDLING_CODE_OF } from '../domain/handlingCodes.ts';

/** Selected rows per handling class: no code, H1…H5, unrecognised. */
export function handlingTallyOf(chunks: readonly EventChunk[], selected: readonly Uint8Array[]): HandlingTally {
  const tally = emptyHandlingTally();
  chunks.forEach((chunk, c) => {
    const handling = chunk.columns.handling;
    const taken = selected[c];
    for (let row = 0; row < chunk.meta.count; row++) if (taken[row] === 1) tally[handlingTallyKey(handling[row])]++;
  });
  return tally;
}

/** What a bundle under `policy` would carry and withhold of a tally: totals and per class. */
export interface HandlingSplit {
  carried: number;
  withheld: number;
  withheldByClass: HandlingTally;
}

/** The stored code of each tally class (none 0, H1…H5 1…5, unrecognised 6). */
const CODE_OF_CLASS = HANDLING_TALLY_KEYS.map((key) => (key === 'none' ? 0 : HANDLING_CODE_OF[key]));

/**
 * Splits a tally by what a bundle for recipients under `policy` may receive (mayCarry, the rule
 * createBundle applies row by row), so the export dialog can say what will be withheld before any
 * bundle is made.
 */
export function splitByHandling(tally: HandlingTally, policy: HandlingPolicy): HandlingSplit {
  const withheldByClass = emptyHandlingTally();
  let carried = 0;
  let withheld = 0;
  HANDLING_TALLY_KEYS.forEach((key, i) => {
    if (mayCarry(CODE_OF_CLASS[i], policy)) carried += tally[key];
    else {
      withheld += tally[key];
      withheldByClass[key] = tally[key];
    }
  });
  return { carried, withheld, withheldByClass };
}
