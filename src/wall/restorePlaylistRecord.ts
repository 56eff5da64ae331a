import { restoreViewState, type RestoreProblem } from '../view/restoreViewState.ts';
import { decodeViewUrl } from '../view/viewStateUrl.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { PLAYLIST_DEFAULTS, PLAYLIST_LIMITS, PLAYLIST_RECORD_VERSION, type Playlist, type PlaylistItem, type PlaylistRecord } from './Playlist.ts';
import { migratePlaylistRecord, type RawPlaylistRecord } from './playlistMigrations.ts';

/** One part of a playlist record that could not be used as given. */
export interface PlaylistNotice {
  /** Dotted path (`playlists.0.items.2.view.filters.categories`), or `record` for the whole. */
  field: string;
  problem: RestoreProblem;
}

/** A playlist record made safe to use, with what had to be replaced or left out. */
export interface RestoredPlaylists {
  record: PlaylistRecord;
  notices: PlaylistNotice[];
  /** The record came from a newer version of Tidegate: nothing of it was used. */
  fromNewerVersion: boolean;
}

/** Largest stored playlist text accepted, characters (50 items of 20 playlists fit with room). */
export const MAX_PLAYLIST_TEXT = 2 * 1024 * 1024;

/** Base of the URL a view written as a query string is read against (only its query matters). */
const QUERY_BASE = 'https://wall.invalid/';

const ID = /^[A-Za-z0-9_-]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Restorer {
  readonly notices: PlaylistNotice[] = [];

  note(field: string, problem: RestoreProblem = 'invalid'): void {
    this.notices.push({ field, problem });
  }

  number(raw: unknown, field: string, [min, max]: readonly [number, number], fallback: number): number {
    if (raw === undefined) return fallback;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
      this.note(field);
      return fallback;
    }
    return raw;
  }

  /** A display name: text without control or invisible formatting characters, trimmed; '' when absent. */
  name(raw: unknown, field: string): string {
    if (raw === undefined || raw === null) return '';
    if (typeof raw !== 'string' || raw.length > PLAYLIST_LIMITS.nameLength || /[\p{Cc}\p{Cf}]/u.test(raw)) {
      this.note(field);
      return '';
    }
    return raw.trim();
  }

  /** A unique id: the given one when well-formed and unused, else `${prefix}-n` for the first free n. */
  id(raw: unknown, field: string, prefix: string, taken: Set<string>): string {
    if (typeof raw === 'string' && raw.length <= PLAYLIST_LIMITS.idLength && ID.test(raw) && !taken.has(raw)) {
      taken.add(raw);
      return raw;
    }
    if (raw !== undefined) this.note(field);
    let n = taken.size + 1;
    while (taken.has(`${prefix}-${n}`)) n++;
    const id = `${prefix}-${n}`;
    taken.add(id);
    return id;
  }
}

/**
 * A saved view: a ViewState object of any version, or a view's URL query (the compact form links
 * carry), both through restoreViewState. Null when nothing usable is left (unreadable, or from a
 * newer version, whose fields may mean something else now).
 */
function restoreItemView(r: Restorer, raw: unknown, field: string): PlaylistItem['view'] | null {
  let viewRaw: unknown = raw;
  if (typeof raw === 'string') {
    let decoded: ReturnType<typeof decodeViewUrl>;
    try {
      decoded = decodeViewUrl(`${QUERY_BASE}?${raw.replace(/^\?/, '')}`);
    } catch {
      r.note(field, 'unreadable');
      return null;
    }
    if (decoded.tooLarge) {
      r.note(field, 'too-large');
      return null;
    }
    viewRaw = decoded.raw;
  }
  const restored = restoreViewState(viewRaw, defaultViewState());
  if (restored.fromNewerVersion) {
    r.note(field, 'newer-version');
    return null;
  }
  if (restored.notices.some((notice) => notice.field === 'view')) {
    r.note(field, 'unreadable');
    return null;
  }
  for (const notice of restored.notices) r.note(`${field}.${notice.field}`, notice.problem);
  return restored.state;
}

function restoreItems(r: Restorer, raw: unknown, field: string): PlaylistItem[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    r.note(field);
    return [];
  }
  if (raw.length > PLAYLIST_LIMITS.items) r.note(field, 'too-large');
  const taken = new Set<string>();
  const items: PlaylistItem[] = [];
  raw.slice(0, PLAYLIST_LIMITS.items).forEach((entry, index) => {
    const at = `${field}.${index}`;
    if (!isRecord(entry)) {
      r.note(at);
      return;
    }
    const view = restoreItemView(r, entry.view, `${at}.view`);
    if (view === null) return;
    items.push({ id: r.id(entry.id, `${at}.id`, 'item', taken), name: r.name(entry.name, `${at}.name`), view });
  });
  return items;
}

function restorePlaylist(r: Restorer, raw: Record<string, unknown>, field: string, taken: Set<string>): Playlist {
  const items = restoreItems(r, raw.items, `${field}.items`);
  let pinnedItemId: string | null = null;
  if (raw.pinnedItemId !== undefined && raw.pinnedItemId !== null) {
    if (items.some((item) => item.id === raw.pinnedItemId)) pinnedItemId = raw.pinnedItemId as string;
    else r.note(`${field}.pinnedItemId`);
  }
  let alertsInterrupt: boolean = PLAYLIST_DEFAULTS.alertsInterrupt;
  if (typeof raw.alertsInterrupt === 'boolean') alertsInterrupt = raw.alertsInterrupt;
  else if (raw.alertsInterrupt !== undefined) r.note(`${field}.alertsInterrupt`);
  let staleAfterMinutes: number | null = PLAYLIST_DEFAULTS.staleAfterMinutes;
  if (raw.staleAfterMinutes !== undefined && raw.staleAfterMinutes !== null) {
    const given = r.number(raw.staleAfterMinutes, `${field}.staleAfterMinutes`, PLAYLIST_LIMITS.staleAfterMinutes, Number.NaN);
    staleAfterMinutes = Number.isNaN(given) ? null : given;
  }
  return {
    id: r.id(raw.id, `${field}.id`, 'playlist', taken),
    name: r.name(raw.name, `${field}.name`),
    items,
    cycleSeconds: r.number(raw.cycleSeconds, `${field}.cycleSeconds`, PLAYLIST_LIMITS.cycleSeconds, PLAYLIST_DEFAULTS.cycleSeconds),
    alertHoldSeconds: r.number(raw.alertHoldSeconds, `${field}.alertHoldSeconds`, PLAYLIST_LIMITS.alertHoldSeconds, PLAYLIST_DEFAULTS.alertHoldSeconds),
    alertsInterrupt,
    pinnedItemId,
    staleAfterMinutes,
  };
}

/**
 * The one way a playlist record enters the board — from local storage, a link's `playlist`
 * parameter or a file: `raw` of any shape and version becomes a valid PlaylistRecord. Older
 * versions are migrated (playlistMigrations.ts); every saved view goes through restoreViewState
 * (a view object of any version, or a view's URL query); a field that is missing takes its
 * default, one that is wrong takes it too with a notice; an item whose view cannot be used is left
 * out with a notice. A record from a newer version yields an empty record, flagged.
 */
export function restorePlaylistRecord(raw: unknown): RestoredPlaylists {
  const r = new Restorer();
  const empty = (): PlaylistRecord => ({ version: PLAYLIST_RECORD_VERSION, playlists: [], activeId: null });
  if (!isRecord(raw)) {
    r.note('record', 'unreadable');
    return { record: empty(), notices: r.notices, fromNewerVersion: false };
  }
  const version = raw.version === undefined ? 0 : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    r.note('record', 'unreadable');
    return { record: empty(), notices: r.notices, fromNewerVersion: false };
  }
  if (version > PLAYLIST_RECORD_VERSION) {
    r.note('record', 'newer-version');
    return { record: empty(), notices: r.notices, fromNewerVersion: true };
  }
  const current: RawPlaylistRecord = version < PLAYLIST_RECORD_VERSION ? migratePlaylistRecord(raw, version) : raw;
  const playlists: Playlist[] = [];
  if (current.playlists !== undefined && !Array.isArray(current.playlists)) r.note('playlists');
  const given = Array.isArray(current.playlists) ? current.playlists : [];
  if (given.length > PLAYLIST_LIMITS.playlists) r.note('playlists', 'too-large');
  const taken = new Set<string>();
  given.slice(0, PLAYLIST_LIMITS.playlists).forEach((entry, index) => {
    if (isRecord(entry)) playlists.push(restorePlaylist(r, entry, `playlists.${index}`, taken));
    else r.note(`playlists.${index}`);
  });
  let activeId: string | null = null;
  if (current.activeId !== undefined && current.activeId !== null) {
    if (playlists.some((playlist) => playlist.id === current.activeId)) activeId = current.activeId as string;
    else r.note('activeId');
  }
  return { record: { version: PLAYLIST_RECORD_VERSION, playlists, activeId }, notices: r.notices, fromNewerVersion: false };
}

/**
 * Restores a record kept as JSON text (local storage, a file): absent text (null) gives an empty
 * record silently; text that is too long or not JSON gives one with a notice.
 */
export function restorePlaylistText(text: string | null): RestoredPlaylists {
  if (text === null) return restorePlaylistRecord({ version: PLAYLIST_RECORD_VERSION });
  if (text.length > MAX_PLAYLIST_TEXT) return { ...restorePlaylistRecord({ version: PLAYLIST_RECORD_VERSION }), notices: [{ field: 'record', problem: 'too-large' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...restorePlaylistRecord({ version: PLAYLIST_RECORD_VERSION }), notices: [{ field: 'record', problem: 'unreadable' }] };
  }
  return restorePlaylistRecord(raw);
}
