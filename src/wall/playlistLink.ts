import { encodeViewSearch } from '../view/viewStateUrl.ts';
import { PLAYLIST_RECORD_VERSION, type Playlist } from './Playlist.ts';
import { restorePlaylistRecord, type RestoredPlaylists } from './restorePlaylistRecord.ts';

/** The query parameter a playlist travels in: `?v=1&mode=wall&…&playlist=z…`. */
export const PLAYLIST_PARAM = 'playlist';

/** Longest `playlist` value a link may carry, characters (links stay under common 8 KB URL limits). */
export const MAX_PLAYLIST_LINK_CHARS = 7000;

/** Most JSON text a link's playlist may inflate to, bytes: a bomb stops here instead of filling memory. */
export const MAX_PLAYLIST_LINK_JSON = 256 * 1024;

/** Marks the encoding: deflate-raw, then base64url. */
const DEFLATE_PREFIX = 'z';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return collect(source.pipeThrough(stream), limit);
}

/** The JSON a link carries for `playlist`: the stored record's shape, each view as its URL query. */
export function playlistLinkJson(playlist: Playlist): string {
  const compact = { ...playlist, items: playlist.items.map((item) => ({ ...item, view: encodeViewSearch(item.view) })) };
  return JSON.stringify({ version: PLAYLIST_RECORD_VERSION, playlists: [compact], activeId: playlist.id });
}

/** Why a playlist could not be put into a link. */
export type PlaylistLinkProblem = 'too-large';

/**
 * The `playlist` parameter's value for `playlist` (deflate-raw, base64url), or `too-large` when it
 * would exceed MAX_PLAYLIST_LINK_CHARS — the panel then says so instead of making a link that
 * servers refuse.
 */
export async function encodePlaylistLink(playlist: Playlist): Promise<{ value: string } | { problem: PlaylistLinkProblem }> {
  const json = new TextEncoder().encode(playlistLinkJson(playlist));
  const deflated = await transform(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const value = `${DEFLATE_PREFIX}${toBase64Url(deflated!)}`;
  return value.length > MAX_PLAYLIST_LINK_CHARS ? { problem: 'too-large' } : { value };
}

/** The raw `playlist` value of a link, unescaped, or null when it names none. */
export function playlistParamOf(href: string): string | null {
  try {
    return new URL(href).searchParams.get(PLAYLIST_PARAM);
  } catch {
    return null;
  }
}

/**
 * Reads a link's `playlist` value through the same restore path as stored playlists
 * (restorePlaylistRecord). A value that is too long, inflates beyond MAX_PLAYLIST_LINK_JSON, or is
 * not a deflated JSON record gives an empty record with a `record` notice.
 */
export async function decodePlaylistLink(value: string): Promise<RestoredPlaylists> {
  const refused = (problem: 'too-large' | 'unreadable'): RestoredPlaylists => ({
    ...restorePlaylistRecord({ version: PLAYLIST_RECORD_VERSION }),
    notices: [{ field: 'record', problem }],
  });
  if (value.length > MAX_PLAYLIST_LINK_CHARS) return refused('too-large');
  if (!value.startsWith(DEFLATE_PREFIX)) return refused('unreadable');
  const bytes = fromBase64Url(value.slice(DEFLATE_PREFIX.length));
  if (bytes === null) return refused('unreadable');
  let inflated: Uint8Array | null;
  try {
    inflated = await transform(bytes, new DecompressionStream('deflate-raw'), MAX_PLAYLIST_LINK_JSON);
  } catch {
    return refused('unreadable');
  }
  if (inflated === null) return refused('too-large');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return refused('unreadable');
  }
  return restorePlaylistRecord(raw);
}
