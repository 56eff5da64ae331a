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

/**
 * A CSV feed for wall tests, relative to `now`: 28 days of one event a day at four quiet places
 * (no alert), plus `spikes` bursts of 30 events in the last hours, burst k at a place a little east
 * of the one before (each a new alert). `version` changes the content (a new poll imports it).
 * `burstAgeMs(k)` moves burst k that much further into the past (default none): a soak that
 * compresses days ages its bursts on its own clock, so each one leaves the alerts' recent window
 * a simulated day after it arrived, as it would on a real wall.
 */
export function wallFeedCsv(now: number, spikes: number, version = 0, burstAgeMs: (spike: number) => number = () => 0): string {
  const lines = ['id,source,time,lon,lat,category,severity,grading,description'];
  for (let day = 1; day <= 28; day++) {
    QUIET.forEach(([lon, lat], place) => {
      lines.push(`Q-${place}-${day},HKCED,${now - day * DAY + place * 60_000},${lon},${lat},${CATEGORIES[(day + place) % 4]},2,B2,quiet day ${day}`);
    });
  }
  for (let spike = 0; spike < spikes; spike++) {
    for (let n = 0; n < 30; n++) {
      const lon = SPIKE_PLACE.lon + spike * 0.08 + (n % 5) * 0.0004;
      lines.push(`S-${spike}-${n},HKCED,${now - burstAgeMs(spike) - 3_600_000 - n * 60_000},${lon.toFixed(5)},${SPIKE_PLACE.lat},narcotics,5,A1,burst ${spike}`);
    }
  }
  lines.push(`V-${version},HKCED,${now - 2 * DAY},113.9447,22.5039,other,1,C3,version ${version}`);
  return lines.join('\r\n') + '\r\n';
}

/** Writes the feed to `path`. */
export function writeWallFeed(path: string, now: number, spikes: number, version = 0, burstAgeMs?: (spike: number) => number): void {
  writeFileSync(path, wallFeedCsv(now, spikes, version, burstAgeMs));
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
