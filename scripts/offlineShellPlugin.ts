import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { precacheList, SERVICE_WORKER_FILE } from '../src/offline/precacheList.ts';
import type { ShellManifest } from '../src/offline/ShellManifest.ts';

/** The service worker's source; its build is written as `sw.js` next to index.html. */
const SERVICE_WORKER_ENTRY = fileURLToPath(new URL('../workers/serviceWorker.ts', import.meta.url));
/** The name in the worker's source that the build replaces with the manifest. */
const MANIFEST_PLACEHOLDER = 'TIDEGATE_SHELL_MANIFEST';

/** What generateBundle sees of one output file. */
interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
}

/**
 * The version of a build: the first 16 hex digits of a SHA-256 over every output file's name and
 * bytes (the worker's own code included), so any change to any file gives a new version and an
 * unchanged build keeps its version.
 */
export function buildVersion(files: readonly OutputFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))) {
    hash.update(file.fileName).update('\0');
    hash.update(file.type === 'chunk' ? (file.code ?? '') : (file.source ?? '')).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The worker's code with the manifest written in place of the placeholder (which must occur once). */
export function injectManifest(code: string, manifest: ShellManifest): string {
  const parts = code.split(MANIFEST_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`The service worker's code must name ${MANIFEST_PLACEHOLDER} exactly once (found ${parts.length - 1})`);
  return parts[0] + JSON.stringify(manifest) + parts[1];
}

/**
 * Builds the offline app shell's service worker (workers/serviceWorker.ts) into `sw.js` at the
 * root of the build, with the build's manifest written into it: its version and every file it
 * keeps for offline use (precacheList). Build only; the dev server registers no worker.
 */
export function offlineShellPlugin(): Plugin {
  return {
    name: 'tidegate-offline-shell',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SERVICE_WORKER_ENTRY, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (worker === undefined || worker.type !== 'chunk') throw new Error(`The build has no ${SERVICE_WORKER_FILE} chunk`);
      // A service worker script is one classic script: it may import nothing.
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0 || /^\s*(import|export)\b/m.test(worker.code)) {
        throw new Error(`${SERVICE_WORKER_FILE} must be one self-contained script, but it imports ${[...worker.imports, ...worker.dynamicImports].join(', ') || 'or exports something'}`);
      }
      const files = Object.values(bundle) as OutputFile[];
      const others = files.filter((file) => file.fileName !== SERVICE_WORKER_FILE);
      const manifest: ShellManifest = { version: buildVersion(files), files: precacheList(others.map((file) => file.fileName)) };
      worker.code = injectManifest(worker.code, manifest);
    },
  };
}
