import * as Comlink from 'comlink';
import { createBoardWorkerApi } from './boardWorkerApi.ts';

export type { BoardWorkerApi } from './protocol.ts';

Comlink.expose(createBoardWorkerApi());
