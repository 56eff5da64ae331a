import { describe, expect, it } from 'vitest';
import { restoreViewState } from '../view/restoreViewState.ts';
import { decodeViewUrl } from '../view/viewStateUrl.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { emptyPlaylist } from './Playlist.ts';
import { addItem } from './playlistEdits.ts';
import { decodePlaylistLink, encodePlaylistLink, playlistParamOf } from './playlistLink.ts';
import { wallLaunch } from './wallLaunch.ts';
import { wallLinkHref } from './wallLinkHref.ts';

describe('wallLinkHref', () => {
  it('opens the view as a wall, with the playlist it carries', async () => {
    const view = { ...defaultViewState('zh-Hans'), drawer: 'data' as const, camera: { lon: 114.1, lat: 22.5, zoom: 9 } };
    const record = addItem({ version: 1, playlists: [emptyPlaylist('p', 'Night shift')], activeId: 'p' }, 'p', view, 'Lo Wu');
    const encoded = await encodePlaylistLink(record.playlists[0]);
    if (!('value' in encoded)) throw new Error('too large');
    const href = wallLinkHref('https://x.test/board/?v=1&panel=data#x', view, encoded.value);
    expect(wallLaunch(href).wall).toBe(true);
    const opened = restoreViewState(decodeViewUrl(href).raw, defaultViewState()).state;
    expect(opened).toEqual({ ...view, mode: 'wall', drawer: null });
    const back = await decodePlaylistLink(playlistParamOf(href)!);
    expect(back.notices).toEqual([]);
    expect(back.record.playlists[0].items[0].name).toBe('Lo Wu');
    expect(playlistParamOf(wallLinkHref('https://x.test/', view, null))).toBeNull();
  });
});
