import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Byte offset where line `line` (1-based) of the file at `path` starts: a stall point between rows. */
export function lineStartOffset(path: string, line: number): number {
  const bytes = readFileSync(path);
  let offset = 0;
  for (let seen = 1; seen < line; seen++) {
    offset = bytes.indexOf(0x0a, offset) + 1;
    if (offset === 0) throw new RangeError(`${path} has fewer than ${line} lines`);
  }
  return offset;
}

/** A feed host whose downloads stall mid-way. */
export interface StalledFeed {
  /** URL of the feed (another origin than the app's; CORS allows it). */
  url: string;
  /** Requests for the feed so far. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * Serves the file at `path` as a feed whose every download stops after its first `stallAt` bytes
 * and never goes on, the way a download stalls on a bad network: an import of it stays mid-way
 * (rows parsed, chunks staged) for as long as a test needs, whatever the speed of the machine. The
 * response announces the full length, so the board shows how far it got.
 */
export async function serveStalledFeed(path: string, stallAt: number): Promise<StalledFeed> {
  const bytes = readFileSync(path);
  if (stallAt <= 0 || stallAt >= bytes.length) throw new RangeError(`stallAt must fall inside the file (1..${bytes.length - 1}), got ${stallAt}`);
  const open = new Set<ServerResponse>();
  let requests = 0;
  const server = createServer((request, response) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    requests++;
    open.add(response);
    response.on('close', () => open.delete(response));
    response.writeHead(200, { ...cors, 'content-type': 'text/csv; charset=utf-8', 'content-length': bytes.length, 'cache-control': 'no-store' });
    response.write(bytes.subarray(0, stallAt));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stalled-feed.csv`,
    requests: () => requests,
    close: () =>
      new Promise((done) => {
        for (const response of open) response.destroy();
        server.close(() => done());
      }),
  };
}
