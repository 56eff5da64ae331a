import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** First line of the nginx snippet in docs/deploy.md that holds the recommended headers. */
const SNIPPET_MARK = '# /etc/nginx/snippets/tidegate-headers.conf';
const ADD_HEADER = /^add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;$/;

/**
 * The response headers docs/deploy.md recommends, read from its nginx snippet (by lower-case
 * name), so that the tests serve exactly what the page tells hosts to send. Throws when the
 * snippet is missing or holds a line this reader does not understand, rather than skip it.
 */
export function deployHeaders(docPath = resolve('docs/deploy.md')): Record<string, string> {
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf(`\`\`\`nginx\n${SNIPPET_MARK}`);
  if (start === -1) throw new Error(`${docPath} has no nginx block starting with '${SNIPPET_MARK}'`);
  const end = doc.indexOf('\n```', start + 8);
  const headers: Record<string, string> = {};
  for (const line of doc.slice(start + '```nginx\n'.length, end).split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const match = ADD_HEADER.exec(text);
    if (match === null) throw new Error(`unexpected line in the header snippet of ${docPath}: ${text}`);
    headers[match[1].toLowerCase()] = match[2];
  }
  return headers;
}

/** The Content-Security-Policy of the meta tag in index.html (the source, not a build). */
export function metaContentSecurityPolicy(indexPath = resolve('index.html')): string {
  const html = readFileSync(indexPath, 'utf8');
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (match === null) throw new Error(`${indexPath} has no Content-Security-Policy meta tag`);
  return match[1];
}
