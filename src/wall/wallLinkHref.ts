import type { ViewState } from '../view/ViewState.ts';
import { viewHref } from '../view/viewStateUrl.ts';
import { PLAYLIST_PARAM } from './playlistLink.ts';

/**
 * The address that opens `view` as a wall on the same page as `href`, carrying the playlist link
 * value `playlistValue` (null: the wall plays this device's active playlist).
 */
export function wallLinkHref(href: string, view: ViewState, playlistValue: string | null): string {
  const url = new URL(viewHref(href, { ...view, mode: 'wall', drawer: null, selection: null }));
  if (playlistValue !== null) url.search += `&${PLAYLIST_PARAM}=${playlistValue}`;
  return url.href;
}
