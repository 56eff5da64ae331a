import { writeFileSync } from 'node:fs';
import { emptyPlaylist, type Playlist, type PlaylistRecord } from '../../../src/wall/Playlist.ts';
import { addItem, editPlaylistTimings } from '../../../src/wall/playlistEdits.ts';
import { encodePlaylistLink } from '../../../src/wall/playlistLink.ts';
import { defaultViewState, type ViewState } from '../../../src/view/ViewState.ts';

const DAY = 86_400_000;
const CATEGORIES = ['tobacco', 'narcotics', 'counterfeit', 'currency'];
/** Quiet places: one event a day each, so none of them is ever a spike. */
const QUIET = [
  [113.9447, 22.5039],
  [114.0741, 22.5094],
  [113.9511, 22.3181],
  [113.5489, 22.2186],
] as const;
/** Where a spike lands: Hengqin Port. */
export const SPIKE_PLACE = { lon: 113.5439, lat: 22.1406, siteId: 'hengqin_port' } as const;

/** How a wall feed places and ages its bursts. */
export interface WallFeedBursts {
  /**
   * Moves burst k that much further into the past (default none): a soak that compresses days
   * ages its bursts on its own clock, so each one leaves the alerts' recent window a simulated day
   * after it arrived, as it would on a real wall.
   */
  ageMs?: (spike: number) => number;
  /**
   * How many places bursts land at (default: a new place for every burst). With a bound, burst k
   * takes over the place and the record ids of burst k − places, so the stored rows stay as many
   * as a day or two of a real feed holds while new alerts keep coming.
   */
  places?: number;
}

/**
 * A CSV feed for wall tests, relative to `now`: 28 days of one event a day at four quiet places
 * (no alert), plus `spikes` bursts of 30 events in the last hours, burst k at a place a little east
 * of the one before (each a new alert), and one record whose text carries `version` (so a new
 * version is new content, and a poll imports it).
 */
export function wallFeedCsv(now: number, spikes: number, version = 0, bursts: WallFeedBursts = {}): string {
  // Every row carries the feed's export time as its version (`updated`): a burst that ages moves
  // back in time, and without a newer version the store would keep it as it was (a stale row).
  const lines = ['id,source,time,lon,lat,category,severity,grading,description,updated'];
  for (let day = 1; day <= 28; day++) {
    QUIET.forEach(([lon, lat], place) => {
      lines.push(`Q-${place}-${day},HKCED,${now - day * DAY + place * 60_000},${lon},${lat},${CATEGORIES[(day + place) % 4]},2,B2,quiet day ${day},${now}`);
    });
  }
  const places = bursts.places ?? Number.POSITIVE_INFINITY;
  for (let spike = Math.max(0, spikes - places); spike < spikes; spike++) {
    const place = spike % places;
    const at = now - (bursts.ageMs?.(spike) ?? 0) - 3_600_000;
    for (let n = 0; n < 30; n++) {
      const lon = SPIKE_PLACE.lon + place * 0.08 + (n % 5) * 0.0004;
      lines.push(`S-${place}-${n},HKCED,${at - n * 60_000},${lon.toFixed(5)},${SPIKE_PLACE.lat},narcotics,5,A1,burst ${spike},${now}`);
    }
  }
  lines.push(`V,HKCED,${now - 2 * DAY},113.9447,22.5039,other,1,C3,version ${version},${now}`);
  return lines.join('\r\n') + '\r\n';
}

/** Writes the feed to `path`. */
export function writeWallFeed(path: string, now: number, spikes: number, version = 0, bursts?: WallFeedBursts): void {
  writeFileSync(path, wallFeedCsv(now, spikes, version, bursts));
}

/** A playlist of `views` with the given timings, and the `playlist` value of a link carrying it. */
export async function wallPlaylistLink(views: ViewState[], timings: { cycleSeconds: number; alertHoldSeconds: number; staleAfterMinutes: number | null }): Promise<{ playlist: Playlist; value: string }> {
  let record: PlaylistRecord = { version: 1, playlists: [emptyPlaylist('wall-test', 'Wall test')], activeId: 'wall-test' };
  views.forEach((view, index) => (record = addItem(record, 'wall-test', view, `View ${String.fromCharCode(65 + index)}`)));
  record = editPlaylistTimings(record, 'wall-test', timings);
  const encoded = await encodePlaylistLink(record.playlists[0]);
  if (!('value' in encoded)) throw new Error('playlist too large for a link');
  return { playlist: record.playlists[0], value: encoded.value };
}

/** Two views of the same model and filters: the whole Bay Area, and Shenzhen–Hong Kong closer. */
export function wallTestViews(): ViewState[] {
  return [
    { ...defaultViewState(), camera: null },
    { ...defaultViewState(), camera: { lon: 113.95, lat: 22.4, zoom: 9.2 } },
  ];
}
