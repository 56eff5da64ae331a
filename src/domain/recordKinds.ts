/** Kinds of shared risk record, in code order (stored as Uint8 codes). */
export const RECORD_KINDS = ['seizure', 'clue', 'intelligence', 'inspection_hit', 'alert'] as const;

/** A record kind; `seizure` when a feed gives none. */
export type RecordKind = (typeof RECORD_KINDS)[number];
