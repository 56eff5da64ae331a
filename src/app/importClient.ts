import type * as Comlink from 'comlink';
import type { ImportWorkerApi } from '../../workers/protocol.ts';
import { startWorker } from './startWorker.ts';

/**
 * Starts the import worker (parsing, validation and storage off the main thread) and waits until
 * it answers. Only where the page cannot run a worker does the same service run on the main thread.
 */
export function connectImports(): Promise<Comlink.Remote<ImportWorkerApi> | ImportWorkerApi> {
  return startWorker<ImportWorkerApi>(
    'import',
    () => new Worker(new URL('../../workers/importWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-import' }),
    async () => (await import('../../workers/importWorkerApi.ts')).createImportWorkerApi(),
  );
}
