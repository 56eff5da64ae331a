import type * as Comlink from 'comlink';
import type { BoardWorkerApi } from '../../workers/protocol.ts';
import { startWorker } from './startWorker.ts';

/**
 * Starts the board's data worker and waits until it answers. Only where the page cannot run a
 * worker does the same service run on the main thread (slower, but the board still works).
 */
export function connectBoardData(): Promise<Comlink.Remote<BoardWorkerApi> | BoardWorkerApi> {
  return startWorker<BoardWorkerApi>(
    'board',
    () => new Worker(new URL('../../workers/boardWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-board' }),
    async () => (await import('../../workers/boardWorkerApi.ts')).createBoardWorkerApi(),
  );
}
