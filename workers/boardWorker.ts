import * as Comlink from 'comlink';
import { createBoardWorkerApi } from './boardWorkerApi.ts';

export type { BoardWorkerApi } from './boardWorkerApi.ts';

Comlink.expose(createBoardWorkerApi());
