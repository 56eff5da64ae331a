/** The service worker's own file, at the root of the build (its folder is its scope). */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Files of a build the board never fetches in a browser that runs service workers, so the shell
 * does not store them: source maps, and the `.woff` fallback of every font face (each face lists
 * its `.woff2` first, and every browser with service workers reads WOFF2).
 */
function neverFetched(fileName: string): boolean {
  return fileName.endsWith('.map') || fileName.endsWith('.woff') || fileName === SERVICE_WORKER_FILE;
}

/**
 * What the offline shell stores of a build, given every file the build wrote (paths relative to
 * the build's folder, `/`-separated): the page, its scripts, styles, workers, fonts, basemap and
 * any WebAssembly — everything but the service worker itself and files no such browser fetches.
 * Sorted, without duplicates, `index.html` first, so the same build gives the same list.
 */
export function precacheList(fileNames: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const name of fileNames) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`A build file name must be relative and inside the build folder: ${name}`);
    }
    if (!neverFetched(name)) kept.add(name);
  }
  if (!kept.has('index.html')) throw new Error('The build has no index.html');
  kept.delete('index.html');
  return ['index.html', ...[...kept].sort()];
}
