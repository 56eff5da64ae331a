import type { ViewState } from '../view/ViewState.ts';

/**
 * Version of the stored playlist record. Bump it with a migration in playlistMigrations.ts when a
 * field changes meaning, is renamed or removed; an optional field with a default needs none.
 */
export const PLAYLIST_RECORD_VERSION = 1;

/**
 * One saved view of a playlist. Its `view` is a whole ViewState, restored through
 * restoreViewState like every other view; `view.model.at` is null (T follows now) unless the view
 * was saved pinned to a time.
 */
export interface PlaylistItem {
  /** Unique within its playlist; stable while the item is edited or moved. */
  id: string;
  name: string;
  view: ViewState;
}

/** An ordered list of saved views that a wall cycles through. */
export interface Playlist {
  /** Unique within the record. */
  id: string;
  name: string;
  items: PlaylistItem[];
  /** How long each view stays on the wall, seconds. */
  cycleSeconds: number;
  /** How long a new alert holds the wall before the cycle resumes, seconds. */
  alertHoldSeconds: number;
  /** Whether a new alert interrupts the cycle at all. */
  alertsInterrupt: boolean;
  /** The item the cycle holds (an operator's pause on one view), or null to cycle. */
  pinnedItemId: string | null;
  /**
   * A feed whose data has not changed for this long is flagged stale on the wall, minutes; null
   * takes STALE_CHANGE_POLLS of the feed's own poll interval.
   */
  staleAfterMinutes: number | null;
}

/** Every playlist of this device, and the one a wall plays when its link names none. */
export interface PlaylistRecord {
  version: typeof PLAYLIST_RECORD_VERSION;
  playlists: Playlist[];
  activeId: string | null;
}

/** Bounds a restored playlist must respect; a value outside falls back to its default. */
export const PLAYLIST_LIMITS = {
  playlists: 20,
  items: 50,
  nameLength: 80,
  idLength: 40,
  cycleSeconds: [5, 3600] as const,
  alertHoldSeconds: [5, 1800] as const,
  staleAfterMinutes: [1, 7 * 24 * 60] as const,
} as const;

/** Defaults of a new playlist's timings. */
export const PLAYLIST_DEFAULTS = {
  cycleSeconds: 60,
  alertHoldSeconds: 45,
  alertsInterrupt: true,
  staleAfterMinutes: null,
} as const;

/** An empty playlist named `name`. */
export function emptyPlaylist(id: string, name: string): Playlist {
  return { id, name, items: [], ...PLAYLIST_DEFAULTS, pinnedItemId: null };
}

/** A record holding no playlist. */
export function emptyPlaylistRecord(): PlaylistRecord {
  return { version: PLAYLIST_RECORD_VERSION, playlists: [], activeId: null };
}

/** The playlist a wall plays: the active one, else the first; null when there is none. */
export function activePlaylist(record: PlaylistRecord): Playlist | null {
  return record.playlists.find((playlist) => playlist.id === record.activeId) ?? record.playlists[0] ?? null;
}
