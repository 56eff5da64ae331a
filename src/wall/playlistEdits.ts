import { crc32 } from '../bundle/crc32.ts';
import type { ViewState } from '../view/ViewState.ts';
import { emptyPlaylist, PLAYLIST_LIMITS, type Playlist, type PlaylistRecord } from './Playlist.ts';

/**
 * The playlist panel's edits, as pure functions of the record: each returns a new record (the
 * input is never changed) that restorePlaylistRecord accepts without a notice.
 */

/** A name as typed, made storable: control and invisible formatting characters dropped, trimmed, cut to the limit. */
export function cleanName(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, PLAYLIST_LIMITS.nameLength);
}

function freeId(taken: readonly string[], prefix: string): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function withPlaylist(record: PlaylistRecord, id: string, change: (playlist: Playlist) => Playlist): PlaylistRecord {
  return { ...record, playlists: record.playlists.map((playlist) => (playlist.id === id ? change(playlist) : playlist)) };
}

/** Adds an empty playlist (active when none is); unchanged at the limit. Returns the record and the new id. */
export function addPlaylist(record: PlaylistRecord, name: string): { record: PlaylistRecord; id: string | null } {
  if (record.playlists.length >= PLAYLIST_LIMITS.playlists) return { record, id: null };
  const id = freeId(
    record.playlists.map((playlist) => playlist.id),
    'playlist',
  );
  return { record: { ...record, playlists: [...record.playlists, emptyPlaylist(id, cleanName(name))], activeId: record.activeId ?? id }, id };
}

export function removePlaylist(record: PlaylistRecord, id: string): PlaylistRecord {
  const playlists = record.playlists.filter((playlist) => playlist.id !== id);
  return { ...record, playlists, activeId: record.activeId === id ? (playlists[0]?.id ?? null) : record.activeId };
}

export function renamePlaylist(record: PlaylistRecord, id: string, name: string): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => ({ ...playlist, name: cleanName(name) }));
}

/** Makes `id` the playlist walls play when their link names none. */
export function setActivePlaylist(record: PlaylistRecord, id: string): PlaylistRecord {
  return record.playlists.some((playlist) => playlist.id === id) ? { ...record, activeId: id } : record;
}

/** The timings a panel edits; numbers are clamped into PLAYLIST_LIMITS (a non-number keeps the old value). */
export interface PlaylistTimingsEdit {
  cycleSeconds?: number;
  alertHoldSeconds?: number;
  alertsInterrupt?: boolean;
  /** null: the default rule. */
  staleAfterMinutes?: number | null;
}

function clamp(value: number | undefined, [min, max]: readonly [number, number], old: number): number {
  if (value === undefined || !Number.isFinite(value)) return old;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function editPlaylistTimings(record: PlaylistRecord, id: string, edit: PlaylistTimingsEdit): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => ({
    ...playlist,
    cycleSeconds: clamp(edit.cycleSeconds, PLAYLIST_LIMITS.cycleSeconds, playlist.cycleSeconds),
    alertHoldSeconds: clamp(edit.alertHoldSeconds, PLAYLIST_LIMITS.alertHoldSeconds, playlist.alertHoldSeconds),
    alertsInterrupt: edit.alertsInterrupt ?? playlist.alertsInterrupt,
    staleAfterMinutes:
      edit.staleAfterMinutes === undefined
        ? playlist.staleAfterMinutes
        : edit.staleAfterMinutes === null
          ? null
          : clamp(edit.staleAfterMinutes, PLAYLIST_LIMITS.staleAfterMinutes, playlist.staleAfterMinutes ?? PLAYLIST_LIMITS.staleAfterMinutes[0]),
  }));
}

/** Appends a saved view (see savedView) to playlist `id`; unchanged when the playlist is full. */
export function addItem(record: PlaylistRecord, id: string, view: ViewState, name: string): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => {
    if (playlist.items.length >= PLAYLIST_LIMITS.items) return playlist;
    const itemId = freeId(
      playlist.items.map((item) => item.id),
      'item',
    );
    return { ...playlist, items: [...playlist.items, { id: itemId, name: cleanName(name), view: structuredClone(view) }] };
  });
}

export function removeItem(record: PlaylistRecord, id: string, itemId: string): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => ({
    ...playlist,
    items: playlist.items.filter((item) => item.id !== itemId),
    pinnedItemId: playlist.pinnedItemId === itemId ? null : playlist.pinnedItemId,
  }));
}

/** Moves an item `delta` places (clamped to the list). */
export function moveItem(record: PlaylistRecord, id: string, itemId: string, delta: number): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => {
    const from = playlist.items.findIndex((item) => item.id === itemId);
    if (from < 0) return playlist;
    const to = Math.min(playlist.items.length - 1, Math.max(0, from + delta));
    const items = [...playlist.items];
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
    return { ...playlist, items };
  });
}

export function renameItem(record: PlaylistRecord, id: string, itemId: string, name: string): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => ({ ...playlist, items: playlist.items.map((item) => (item.id === itemId ? { ...item, name: cleanName(name) } : item)) }));
}

/** Pins the wall to one item of playlist `id`, or releases it (null). */
export function pinItem(record: PlaylistRecord, id: string, itemId: string | null): PlaylistRecord {
  return withPlaylist(record, id, (playlist) => ({
    ...playlist,
    pinnedItemId: itemId !== null && playlist.items.some((item) => item.id === itemId) ? itemId : null,
  }));
}

/**
 * Keeps the playlist a link brought in the stored record under `storedId` (derived from the link,
 * so opening the same link again replaces it, and it never overwrites one of this device's own),
 * and makes it the active one: the wall plays it again after a reload, which drops the link's
 * parameter from the address. At the limit, the oldest stored playlist makes room.
 */
export function keepLinkedPlaylist(record: PlaylistRecord, linked: Playlist, storedId: string): PlaylistRecord {
  const playlist = { ...linked, id: storedId };
  const others = record.playlists.filter((stored) => stored.id !== storedId);
  const playlists = [...others.slice(Math.max(0, others.length - PLAYLIST_LIMITS.playlists + 1)), playlist];
  return { ...record, playlists, activeId: storedId };
}

/** The id a linked playlist is kept under: `link-` and a checksum of the link's value. */
export function linkedPlaylistId(linkValue: string): string {
  return `link-${crc32(new TextEncoder().encode(linkValue)).toString(16).padStart(8, '0')}`;
}
