import type { EventTable } from './EventTable.ts';

/**
 * The distinct combinations of the faceted codes (category, kind, mode, source, severity,
 * grading) that occur in a table, and each row's combination. Every filter with a facet decides
 * on these codes alone, so a pass that counts rows per combination can tell the facet counts and
 * figures of any filter set from the combinations' codes afterwards, instead of looking up seven
 * codes per row (summarizeCombos). At 1M demo events there are about 65 000 combinations.
 */
export interface FacetCombos {
  /** Per table row: its combination. */
  combo: Uint32Array;
  /** Distinct combinations; each code array below has one entry per combination. */
  count: number;
  category: Uint8Array;
  kind: Uint8Array;
  mode: Uint8Array;
  source: Uint16Array;
  severity: Uint8Array;
  grading: Uint8Array;
}

/**
 * Largest key space (the product of each code's observed range) numbered through a dense lookup
 * array (4 bytes an entry); beyond it a Map numbers the keys, several times slower.
 */
const DENSE_KEY_LIMIT = 1 << 22;

/**
 * Numbers the combinations of `table` in order of their first row. `denseLimit` (tests) moves the
 * switch between the dense lookup and the Map; both number alike.
 */
export function buildFacetCombos(table: EventTable, denseLimit = DENSE_KEY_LIMIT): FacetCombos {
  const { category, kind, mode, source, severity, grading, count } = table;
  let maxCategory = 0;
  let maxKind = 0;
  let maxMode = 0;
  let maxSeverity = 0;
  let maxGrading = 0;
  let maxSource = 0;
  for (let i = 0; i < count; i++) {
    if (category[i] > maxCategory) maxCategory = category[i];
    if (kind[i] > maxKind) maxKind = kind[i];
    if (mode[i] > maxMode) maxMode = mode[i];
    if (severity[i] > maxSeverity) maxSeverity = severity[i];
    if (grading[i] > maxGrading) maxGrading = grading[i];
    if (source[i] > maxSource) maxSource = source[i];
  }
  const kinds = maxKind + 1;
  const modes = maxMode + 1;
  const severities = maxSeverity + 1;
  const gradings = maxGrading + 1;
  const sources = maxSource + 1;
  // Without the source: below 2^40, an exact double; the source joins it as a second step in the Map.
  const codeKey = (i: number): number => (((category[i] * kinds + kind[i]) * modes + mode[i]) * severities + severity[i]) * gradings + grading[i];
  const combo = new Uint32Array(count);
  const firstRow: number[] = [];
  const keySpace = (maxCategory + 1) * kinds * modes * severities * gradings * sources;
  if (keySpace <= denseLimit) {
    const ids = new Int32Array(keySpace).fill(-1);
    for (let i = 0; i < count; i++) {
      const key = codeKey(i) * sources + source[i];
      let id = ids[key];
      if (id < 0) {
        ids[key] = id = firstRow.length;
        firstRow.push(i);
      }
      combo[i] = id;
    }
  } else {
    const codeIds = new Map<number, number>();
    const ids = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const key = codeKey(i);
      let codeId = codeIds.get(key);
      if (codeId === undefined) codeIds.set(key, (codeId = codeIds.size));
      const joint = codeId * sources + source[i];
      let id = ids.get(joint);
      if (id === undefined) {
        ids.set(joint, (id = firstRow.length));
        firstRow.push(i);
      }
      combo[i] = id;
    }
  }
  const n = firstRow.length;
  const codes: FacetCombos = {
    combo,
    count: n,
    category: new Uint8Array(n),
    kind: new Uint8Array(n),
    mode: new Uint8Array(n),
    source: new Uint16Array(n),
    severity: new Uint8Array(n),
    grading: new Uint8Array(n),
  };
  for (let id = 0; id < n; id++) {
    const i = firstRow[id];
    codes.category[id] = category[i];
    codes.kind[id] = kind[i];
    codes.mode[id] = mode[i];
    codes.source[id] = source[i];
    codes.severity[id] = severity[i];
    codes.grading[id] = grading[i];
  }
  return codes;
}
