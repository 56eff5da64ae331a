import type { ShellReply, ShellRequest } from '../../offline/ShellManifest.ts';

/** Where the offline shell stands in this page. */
export type OfflineStatus =
  /** No service worker here: the dev server, a page that is not a secure context, or no support. */
  | 'off'
  /** Registered; the build's files are being stored. */
  | 'installing'
  /** A worker of this origin is active with every file of its build stored: the board opens offline. */
  | 'ready'
  /** Registration or installation failed (the board works online as before). */
  | 'failed';

/** Whether a new build is waiting for the user. */
export type OfflineUpdate =
  | 'none'
  /** A new build is installed and waits until the user accepts it. */
  | 'available'
  /** Another tab accepted a new build: this page still runs the old one until it reloads. */
  | 'elsewhere'
  /** The user accepted: the page reloads as soon as the new build takes over. */
  | 'accepted';

/** How often an open board asks the host whether a new build was deployed. */
const UPDATE_CHECK_MS = 60 * 60_000;

/** What the client needs of the browser (the page's, or stand-ins). */
export interface ShellEnvironment {
  container: ServiceWorkerContainer;
  /** URL of the service worker script: `sw.js` in the app's folder. */
  scriptUrl: string;
  reload(): void;
}

/**
 * The page's side of the offline app shell: registers the service worker, reports when the board
 * can open offline, and offers a new build without ever forcing it — a new worker waits until
 * the user accepts it here (then this page reloads onto it), so a briefing is never reloaded under
 * the presenter. Also asks the host for a new build once an hour while the board stays open.
 */
export class OfflineShellClient {
  status: OfflineStatus = $state('off');
  /** The version of the build the active worker stores, once known. */
  version: string | null = $state(null);
  update: OfflineUpdate = $state('none');
  private registration: ServiceWorkerRegistration | null = null;

  constructor(private readonly env: ShellEnvironment) {}

  /** Registers the worker and follows it; resolves once registered (or failed). */
  async start(): Promise<void> {
    const { container } = this.env;
    this.status = 'installing';
    let hadController = container.controller !== null;
    container.addEventListener('controllerchange', () => {
      if (this.update === 'accepted') this.env.reload();
      // The first worker taking over a fresh page is no update; a later change is another tab's accept.
      else if (hadController) this.update = 'elsewhere';
      hadController = true;
    });
    let registration: ServiceWorkerRegistration | undefined;
    try {
      registration = await container.register(this.env.scriptUrl);
    } catch (error) {
      console.warn('The offline shell could not be registered', error);
      this.status = 'failed';
      return;
    }
    // A browser policy that blocks service workers can resolve with nothing instead of failing.
    if (registration === undefined || registration === null) {
      this.status = 'failed';
      return;
    }
    this.registration = registration;
    if (registration.waiting !== null && registration.active !== null) this.update = 'available';
    registration.addEventListener('updatefound', () => this.follow(registration.installing));
    this.follow(registration.installing);
    void this.whenActive(registration);
    setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
  }

  /** Asks the host whether a new build was deployed (what the hourly check does). */
  async checkForUpdate(): Promise<void> {
    try {
      await this.registration?.update();
    } catch {
      // Offline, or the host is down: the next check tries again.
    }
  }

  /** The user accepted the new build: the waiting worker takes over and this page reloads onto it. */
  accept(): void {
    const waiting = this.registration?.waiting ?? null;
    this.update = 'accepted';
    if (waiting === null) {
      this.env.reload();
      return;
    }
    const request: ShellRequest = { type: 'tidegate-shell-activate' };
    waiting.postMessage(request);
  }

  /** The user put the offer off: it comes back with the next new build or visit. */
  dismiss(): void {
    this.update = 'none';
  }

  /** A worker being installed: an update once installed while another worker is active; a failure if it is dropped. */
  private follow(worker: ServiceWorker | null): void {
    if (worker === null) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && this.registration?.active != null && this.registration.active !== worker) this.update = 'available';
      if (worker.state === 'redundant' && this.registration?.active == null) this.status = 'failed';
    });
  }

  private async whenActive(registration: ServiceWorkerRegistration): Promise<void> {
    await this.env.container.ready;
    const active = registration.active;
    if (active === null) return;
    if (active.state !== 'activated') await new Promise<void>((done) => active.addEventListener('statechange', () => active.state === 'activated' && done()));
    this.version = await versionOf(active);
    this.status = 'ready';
  }
}

/** Asks a worker which build it serves. */
function versionOf(worker: ServiceWorker): Promise<string | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<ShellReply>) => resolve(event.data?.version ?? null);
    const request: ShellRequest = { type: 'tidegate-shell-version' };
    worker.postMessage(request, [channel.port2]);
  });
}
