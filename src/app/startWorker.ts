import * as Comlink from 'comlink';

/**
 * Starts a module worker and waits for it to answer `ping()` — however long that takes: on a busy
 * wall display a worker may need many seconds to load, and replacing it with the main thread
 * would cost far more. Only where the page has no `Worker` at all (or cannot construct a module
 * worker) does `fallback()` run the same API in this thread. A worker that fails to load its
 * script rejects with that error instead of hanging.
 */
export async function startWorker<Api extends { ping(): Promise<true> }>(
  name: string,
  create: () => Worker,
  fallback: () => Promise<Api> | Api,
): Promise<Comlink.Remote<Api> | Api> {
  if (typeof Worker === 'undefined') return fallback();
  let worker: Worker;
  try {
    worker = create();
  } catch (error) {
    console.warn(`The ${name} worker cannot be created here; running on the main thread`, error);
    return fallback();
  }
  const remote = Comlink.wrap<Api>(worker);
  let onError: (event: Event) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (event) => reject(new Error(`The ${name} worker failed to start: ${(event as ErrorEvent).message ?? event.type}`));
    worker.addEventListener('error', onError);
  });
  try {
    await Promise.race([remote.ping(), failed]);
  } finally {
    worker.removeEventListener('error', onError);
  }
  return remote;
}
