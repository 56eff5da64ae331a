import { emptyPlaylistRecord, type PlaylistRecord } from '../../wall/Playlist.ts';
import { restorePlaylistText, type PlaylistNotice } from '../../wall/restorePlaylistRecord.ts';

/** Storage key of this device's playlists. */
export const PLAYLIST_STORAGE_KEY = 'tidegate.playlists';

/** The storage the book reads and writes (the page's localStorage, or a stand-in). */
export type PlaylistStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/**
 * This device's playlists, kept in local storage under PLAYLIST_STORAGE_KEY and read only through
 * restorePlaylistText. The board's playlist panel edits them; a wall in another tab of the same
 * browser follows the edits (the `storage` event). A write the browser refuses (quota, disabled
 * storage) keeps the edit in memory and says why in `saveError` — never a dialog.
 */
export class PlaylistBook {
  record: PlaylistRecord = $state.raw(emptyPlaylistRecord());
  notices: PlaylistNotice[] = $state.raw([]);
  fromNewerVersion = $state(false);
  /** Why the last write failed, or null when it succeeded. */
  saveError: string | null = $state(null);
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === PLAYLIST_STORAGE_KEY) this.read();
  };

  constructor(private readonly storage: PlaylistStorage = pageStorage()) {
    this.read();
  }

  /** Reads the stored record again. */
  read(): void {
    let text: string | null = null;
    try {
      text = this.storage?.getItem(PLAYLIST_STORAGE_KEY) ?? null;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
    const restored = restorePlaylistText(text);
    this.record = restored.record;
    this.notices = restored.notices;
    this.fromNewerVersion = restored.fromNewerVersion;
  }

  /** Keeps `record` (already valid: an edit's result) and writes it. A newer version's stored record is never overwritten. */
  save(record: PlaylistRecord): void {
    this.record = record;
    if (this.fromNewerVersion) return;
    try {
      if (this.storage === null) throw new Error('local storage is not available');
      this.storage.setItem(PLAYLIST_STORAGE_KEY, JSON.stringify(record));
      this.saveError = null;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Follows edits made in other tabs of this browser until `stop` is called. */
  follow(): () => void {
    window.addEventListener('storage', this.onStorage);
    return () => window.removeEventListener('storage', this.onStorage);
  }
}

function pageStorage(): PlaylistStorage {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
