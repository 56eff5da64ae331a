import { formatNumber, type TableRow } from './formatTable.ts';
import type { BundleBenchResult, BundleVariantResult } from './measureBundles.ts';

/**
 * The table rows of stage E (bundles): per variant (compressed; compressed and encrypted) the
 * export time, the import time (verify + restore) and the bytes per event. `failure` is the stage's
 * error when it threw.
 */
export function bundleRows(result: BundleBenchResult | { error: string } | null, events: number): TableRow[] {
  if (result === null) return [];
  const label = (what: string) => `E ${formatNumber('error' in result ? events : result.events)} ev: ${what}`;
  if ('error' in result) return [{ stage: label('bundle export + import'), value: 'ERROR', unit: '', target: '', verdict: result.error }];
  const rows = (name: string, variant: BundleVariantResult): TableRow[] => [
    {
      stage: label(`bundle export, ${name}`),
      value: formatNumber(variant.exportMs / 1000, 2),
      unit: 's',
      target: '—',
      verdict: `CPU ${formatNumber(variant.exportCpuMs / 1000, 2)} s; createBundle: ${result.chunks} chunk entries, ${formatNumber(variant.bytes / 1024 / 1024, 1)} MiB${variant.encrypted ? `, PBKDF2 ${formatNumber(result.pbkdf2Iterations)} iterations` : ''}`,
    },
    {
      stage: label(`bundle import, ${name}`),
      value: formatNumber(variant.importMs / 1000, 2),
      unit: 's',
      target: '—',
      verdict: `CPU ${formatNumber((variant.verifyCpuMs + variant.restoreCpuMs) / 1000, 2)} s; readBundle (every check and hash) ${formatNumber(variant.verifyMs / 1000, 2)} s (CPU ${formatNumber(variant.verifyCpuMs / 1000, 2)}) + importBundle into an empty store ${formatNumber(variant.restoreMs / 1000, 2)} s (CPU ${formatNumber(variant.restoreCpuMs / 1000, 2)})`,
    },
    {
      stage: label(`bundle size, ${name}`),
      value: formatNumber(variant.bytesPerEvent, 1),
      unit: 'B/event',
      target: '—',
      verdict: `${formatNumber(variant.bytes)} bytes for ${formatNumber(result.events)} events`,
    },
  ];
  return [...rows('compressed', result.plain), ...rows('compressed + encrypted', result.encrypted)];
}
