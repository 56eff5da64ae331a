import * as Comlink from 'comlink';
import { withTimeout } from './withTimeout.ts';
import type { BoardWorkerApi } from '../../workers/boardWorker.ts';

/**
 * Starts the board's data worker. If the browser cannot run a module worker, the same service
 * runs on the main thread (slower, but the board still works).
 */
export async function connectBoardData(): Promise<Comlink.Remote<BoardWorkerApi> | BoardWorkerApi> {
  try {
    const worker = new Worker(new URL('../../workers/boardWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-board' });
    const remote = Comlink.wrap<BoardWorkerApi>(worker);
    await withTimeout(remote.ping(), 15_000, 'the worker did not start');
    return remote;
  } catch (error) {
    console.warn('Board worker unavailable, running on the main thread', error);
    const { createBoardWorkerApi } = await import('../../workers/boardWorkerApi.ts');
    return createBoardWorkerApi();
  }
}
