/** The three customs territories of the bay, in code order. */
export const JURISDICTIONS = ['Mainland', 'Hong Kong', 'Macao'] as const;

/** One customs territory. */
export type Jurisdiction = (typeof JURISDICTIONS)[number];
