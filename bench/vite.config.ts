import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Build of the benchmark page (`npm run bench` builds it after the app). Its workers import the
 * app's real core modules from ../src, so the bench measures the code the board ships. DuckDB-WASM
 * is only ever bundled here, never into the app. The output lands in bench/results/ (git- and
 * lint-ignored) rather than bench/dist, which the repository's lint would otherwise scan.
 */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${here}page`,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: `${here}results/page-dist`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
