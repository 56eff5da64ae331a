import * as Comlink from 'comlink';
import { withTimeout } from './withTimeout.ts';
import type { ImportWorkerApi } from '../../workers/importWorkerApi.ts';

/**
 * Starts the import worker (parsing, validation and storage off the main thread). Without module
 * workers the same service runs on the main thread.
 */
export async function connectImports(): Promise<Comlink.Remote<ImportWorkerApi> | ImportWorkerApi> {
  try {
    const worker = new Worker(new URL('../../workers/importWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-import' });
    const remote = Comlink.wrap<ImportWorkerApi>(worker);
    await withTimeout(remote.ping(), 15_000, 'the worker did not start');
    return remote;
  } catch (error) {
    console.warn('Import worker unavailable, importing on the main thread', error);
    const { createImportWorkerApi } = await import('../../workers/importWorkerApi.ts');
    return createImportWorkerApi();
  }
}
