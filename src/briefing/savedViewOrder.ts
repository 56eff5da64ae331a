import type { SavedView } from '../store/SavedView.ts';

/**
 * Saved views in their list order: by `position`, then oldest save first for records saved before
 * positions existed (no position sorts after every position), then by id so the order is total.
 */
export function orderSavedViews<T extends Pick<SavedView, 'id' | 'updatedAt' | 'position'>>(views: readonly T[]): T[] {
  return [...views].sort((a, b) => {
    const pa = a.position ?? Infinity;
    const pb = b.position ?? Infinity;
    if (pa !== pb) return pa < pb ? -1 : 1;
    if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * The ids of an ordered list after moving `id` by `delta` places (held inside the list); the list
 * unchanged when `id` is not in it.
 */
export function movedViewIds(orderedIds: readonly string[], id: string, delta: number): string[] {
  const from = orderedIds.indexOf(id);
  if (from < 0) return [...orderedIds];
  const to = Math.min(orderedIds.length - 1, Math.max(0, from + Math.trunc(delta)));
  const ids = orderedIds.filter((other) => other !== id);
  ids.splice(to, 0, id);
  return ids;
}

/** The position of a view saved after `views`: one past the largest, 0 for the first. */
export function nextViewPosition(views: readonly Pick<SavedView, 'position'>[]): number {
  return views.reduce((next, view) => Math.max(next, (view.position ?? -1) + 1), 0);
}

/** Longest name of a saved view, characters. */
export const MAX_VIEW_NAME = 120;

/** A view name as stored: trimmed, runs of white space as one space, at most MAX_VIEW_NAME characters; null when empty. */
export function cleanViewName(name: string): string | null {
  const cleaned = name.replace(/\s+/gu, ' ').trim();
  if (cleaned === '') return null;
  return [...cleaned].slice(0, MAX_VIEW_NAME).join('');
}
