import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * The built app the e2e tests serve: `dist/`, or `$TIDEGATE_DIST` when set (so that several
 * builds can be tested side by side without replacing each other's files).
 */
export function appDist(): string {
  return process.env.TIDEGATE_DIST || 'dist';
}

/** A running static server and the URL of the app under its sub-path. */
export interface StaticSite {
  server: Server;
  /** e.g. http://127.0.0.1:41234/ops/boards/tidegate/ */
  appUrl: string;
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Options of serveStatic(). */
export interface ServeStaticOptions {
  /**
   * Response headers added to every response of the app (files, directory index, 404s), the way a
   * host's configuration adds them — e.g. the set docs/deploy.md recommends. Lower-case names.
   */
  headers?: Readonly<Record<string, string>>;
  /** Response headers added to every response for an extra file (e.g. CORS headers of a feed host). */
  extraFileHeaders?: Readonly<Record<string, string>>;
  /** Called with every request before it is answered (to inspect what a browser sent). */
  onRequest?: (request: IncomingMessage) => void;
}

/**
 * Serves `root` (the built dist/) under `subPath` on 127.0.0.1, as a plain static host would:
 * nothing is served outside the sub-path, so an absolute asset URL in the build fails the test.
 */
export async function serveStatic(
  root: string,
  subPath = '/ops/boards/tidegate/',
  /** Extra files outside the app (e.g. feeds), by URL path; served with ETag / Last-Modified. */
  extraFiles: Record<string, string> = {},
  options: ServeStaticOptions = {},
): Promise<StaticSite> {
  const absoluteRoot = resolve(root);
  const server = createServer((request, response) => {
    options.onRequest?.(request);
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const extra = extraFiles[pathname];
    for (const [name, value] of Object.entries((extra === undefined ? options.headers : options.extraFileHeaders) ?? {})) {
      response.setHeader(name, value);
    }
    if (extra !== undefined) {
      const stats = statSync(extra);
      const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(extra)] ?? 'application/octet-stream',
        'content-length': stats.size,
        etag,
        'last-modified': stats.mtime.toUTCString(),
      });
      createReadStream(extra).pipe(response);
      return;
    }
    if (!pathname.startsWith(subPath)) {
      response.writeHead(404).end('outside the app sub-path');
      return;
    }
    let file = normalize(join(absoluteRoot, pathname.slice(subPath.length)));
    if (!file.startsWith(absoluteRoot)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    appUrl: `${origin}${subPath}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
