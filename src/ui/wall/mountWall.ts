import { mount } from 'svelte';
import { playlistParamOf } from '../../wall/playlistLink.ts';
import { wallLaunch } from '../../wall/wallLaunch.ts';
import WallApp from './WallApp.svelte';

/**
 * Mounts wall mode. The opening address is read here, before the board's view store rewrites it
 * to the view alone: the playlist a link carries and the test time scale live only in it.
 */
export function mountWall(target: HTMLElement, href: string): void {
  mount(WallApp, { target, props: { start: { testTimeScale: wallLaunch(href).testTimeScale, playlistLink: playlistParamOf(href) } } });
}
