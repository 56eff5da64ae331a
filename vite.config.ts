import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { offlineShellPlugin } from './scripts/offlineShellPlugin.ts';

/**
 * Dev server only: adds 'wasm-unsafe-eval' to the page's Content-Security-Policy. The dev server
 * pre-bundles all of @deck.gl/geo-layers, whose meshoptimizer decoder compiles WebAssembly on
 * import; the build keeps only the layers the board uses, which compile none, so the built
 * policy goes without it.
 */
const devServerWasmCsp: Plugin = {
  name: 'tidegate-dev-server-wasm-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';"),
};

// `base: './'` keeps every asset URL relative so that dist/ works under any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), devServerWasmCsp, offlineShellPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, assetsInlineLimit: 0 },
  test: {
    // One test file per core (Vitest's own default leaves a core free: one worker on two). The
    // unit files are CPU-bound; the e2e files run one at a time (fileParallelism below).
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The files of a worker share one module graph: importing it again for each of ~190 files
          // cost more than the tests. So a test leaves no global behind (spies restored, stubs
          // undone) and stands in for nothing with vi.mock, which cannot replace a module another
          // file has already loaded.
          isolate: false,
          // Property tests run thousands of cases: a few seconds each on 2 quiet cores, several
          // times that on a busy CI runner; 5 s (the default) failed them there for time alone.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/support/requireChromium.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // The board answers after a worker round trip, often a re-score: under a second on a quiet
          // machine, several on a 2-core CI runner that is also rendering WebGL in software. A
          // poll's default second failed there for time alone; a poll still fails when the state
          // never comes.
          expect: { poll: { timeout: 30_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
