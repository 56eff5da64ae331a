import { exposeChunkWorker } from './chunkWorkerApi.ts';

exposeChunkWorker();
