/** The prefix of every cache the offline shell owns (other caches of the origin are left alone). */
export const SHELL_CACHE_PREFIX = 'tidegate-shell-';

/** The cache that holds one build's files. */
export function shellCacheName(version: string): string {
  return SHELL_CACHE_PREFIX + version;
}

/** Whether `cacheName` is a shell cache of another build than `version` (one to delete). */
export function isOtherShellCache(cacheName: string, version: string): boolean {
  return cacheName.startsWith(SHELL_CACHE_PREFIX) && cacheName !== shellCacheName(version);
}
