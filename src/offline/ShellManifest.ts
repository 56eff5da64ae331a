/** What the build tells its service worker: the build's version and the files to keep offline. */
export interface ShellManifest {
  /** Changes whenever any file of the build changes (a hash of the files' names and bytes). */
  version: string;
  /** Paths relative to the app's folder (the service worker's scope), `index.html` first. */
  files: string[];
}

/** A message from the page to the service worker. */
export type ShellRequest =
  /** Asks which build the worker serves; it answers on the message's port with a ShellReply. */
  | { type: 'tidegate-shell-version' }
  /** The user accepted the new version: the waiting worker takes over now. */
  | { type: 'tidegate-shell-activate' };

/** The service worker's answer to a version request. */
export interface ShellReply {
  type: 'tidegate-shell-version';
  version: string;
  files: number;
}
