import { exposeImportWorker } from './importWorkerApi.ts';

exposeImportWorker();
