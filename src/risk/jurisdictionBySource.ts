import type { Jurisdiction } from '../domain/jurisdictions.ts';

/**
 * Maps source agencies to a territory. `pattern` is matched case-insensitively: exactly, or as a
 * prefix when it ends in `*`.
 */
export interface SourceJurisdictionRule {
  pattern: string;
  jurisdiction: Jurisdiction;
}

/** Default rules: Mainland customs (GACC and its branches, CN-*), Hong Kong C&ED, Macao Customs. */
export const DEFAULT_SOURCE_JURISDICTIONS: readonly SourceJurisdictionRule[] = [
  { pattern: 'GACC*', jurisdiction: 'Mainland' },
  { pattern: 'CN*', jurisdiction: 'Mainland' },
  // The direct customs districts of the bay publish under their own names.
  { pattern: 'GZ-CUSTOMS*', jurisdiction: 'Mainland' },
  { pattern: 'SZ-CUSTOMS*', jurisdiction: 'Mainland' },
  { pattern: 'GONGBEI-CUSTOMS*', jurisdiction: 'Mainland' },
  { pattern: 'HUANGPU-CUSTOMS*', jurisdiction: 'Mainland' },
  { pattern: 'JIANGMEN-CUSTOMS*', jurisdiction: 'Mainland' },
  { pattern: 'HKCED*', jurisdiction: 'Hong Kong' },
  { pattern: 'C&ED*', jurisdiction: 'Hong Kong' },
  { pattern: 'MOCS*', jurisdiction: 'Macao' },
  // `SA` (Serviços de Alfândega) only exactly or with a suffix, so that e.g. SAMR does not match.
  { pattern: 'SA', jurisdiction: 'Macao' },
  { pattern: 'SA-*', jurisdiction: 'Macao' },
];

/** A function giving a source's territory by the first matching rule, or null when none matches. */
export function jurisdictionBySource(
  rules: readonly SourceJurisdictionRule[] = DEFAULT_SOURCE_JURISDICTIONS,
): (source: string) => Jurisdiction | null {
  const compiled = rules.map((rule) => {
    const pattern = rule.pattern.toUpperCase();
    const prefix = pattern.endsWith('*');
    return { text: prefix ? pattern.slice(0, -1) : pattern, prefix, jurisdiction: rule.jurisdiction };
  });
  return (source) => {
    const name = source.toUpperCase();
    for (const rule of compiled) {
      if (rule.prefix ? name.startsWith(rule.text) : name === rule.text) return rule.jurisdiction;
    }
    return null;
  };
}
