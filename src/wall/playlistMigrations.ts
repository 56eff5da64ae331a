import { PLAYLIST_RECORD_VERSION } from './Playlist.ts';

/** A raw playlist record on its way through the migrations: any JSON object. */
export type RawPlaylistRecord = Record<string, unknown>;

/** Turns a record of version `from` into one of version `from + 1`. */
export interface PlaylistMigration {
  from: number;
  /** What changed, for people reading the list. */
  change: string;
  migrate(raw: RawPlaylistRecord): RawPlaylistRecord;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every migration, oldest first. Version 0 is the unversioned shape: ONE playlist written as
 * `{ name, seconds, views: [{ title, view }] }` (hand-written wall configurations use it), whose
 * views may themselves be of any view-state version — restoreViewState migrates those.
 */
export const PLAYLIST_MIGRATIONS: readonly PlaylistMigration[] = [
  {
    from: 0,
    change: 'versioned record: several playlists with ids, the active one, per-playlist timings; `title` becomes `name`',
    migrate: (raw) => {
      const views = Array.isArray(raw.views) ? raw.views : [];
      const playlist: RawPlaylistRecord = {
        id: 'playlist-1',
        name: raw.name,
        cycleSeconds: raw.seconds,
        items: views.map((entry, index) => (isRecord(entry) ? { id: `item-${index + 1}`, name: entry.title, view: entry.view } : entry)),
      };
      return { version: 1, playlists: [playlist], activeId: 'playlist-1' };
    },
  },
];

/** Throws unless the migrations run from 0 up to PLAYLIST_RECORD_VERSION one step at a time. */
export function checkPlaylistMigrations(migrations: readonly PlaylistMigration[] = PLAYLIST_MIGRATIONS): void {
  migrations.forEach((migration, k) => {
    if (migration.from !== k) throw new Error(`Playlist migration ${k} starts from version ${migration.from}, expected ${k}`);
  });
  if (migrations.length !== PLAYLIST_RECORD_VERSION) {
    throw new Error(`Playlist migrations reach version ${migrations.length}, but PLAYLIST_RECORD_VERSION is ${PLAYLIST_RECORD_VERSION}`);
  }
}

/** Brings `raw` of version `from` up to PLAYLIST_RECORD_VERSION. */
export function migratePlaylistRecord(raw: RawPlaylistRecord, from: number, migrations: readonly PlaylistMigration[] = PLAYLIST_MIGRATIONS): RawPlaylistRecord {
  let current = raw;
  for (let version = from; version < PLAYLIST_RECORD_VERSION; version++) current = migrations[version].migrate(current);
  return current;
}

checkPlaylistMigrations();
