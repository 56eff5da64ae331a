import { restoreViewState, type RestoredView } from '../view/restoreViewState.ts';
import type { ViewState } from '../view/ViewState.ts';
import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';
import type { BundleLimits } from './bundleLimits.ts';

/** One step of a briefing: a board view and the note to say with it. */
export interface BundleView {
  note: string;
  state: ViewState;
}

/** A view as read from a bundle: its note, and its state made safe by restoreViewState. */
export interface BundleViewContent {
  note: string;
  /** The state and what had to fall back to defaults (the one restore path of every view). */
  restored: RestoredView;
}

/** Longest note, characters. */
export const MAX_NOTE_LENGTH = 4000;

/** The bytes of a view entry: `{"note": …, "view": ViewState}` as UTF-8 JSON. */
export function viewEntryBytes(view: BundleView, limits: BundleLimits): Uint8Array {
  if (view.note.length > MAX_NOTE_LENGTH) throw new RangeError(`A view's note is longer than ${MAX_NOTE_LENGTH} characters`);
  const bytes = new TextEncoder().encode(JSON.stringify({ note: view.note, view: view.state }));
  if (bytes.length > limits.maxViewBytes) throw new RangeError(`A view takes ${bytes.length} bytes; at most ${limits.maxViewBytes} fit a bundle`);
  return bytes;
}

/**
 * The view in a view entry. The state goes through restoreViewState, so a view from any bundle is
 * restored exactly as one from the URL or local storage is; the entry itself must be well formed.
 */
export function readViewEntry(bytes: Uint8Array, path: string, limits: BundleLimits): BundleViewContent {
  refuseUnless(bytes.length <= limits.maxViewBytes, 'too-large', `${path} is ${bytes.length} bytes; at most ${limits.maxViewBytes} are read`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleRefusalError('invalid-content', `${path} is not UTF-8 JSON`);
  }
  const valid =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 2 && Object.hasOwn(raw, 'view') &&
    typeof (raw as { note?: unknown }).note === 'string' && (raw as { note: string }).note.length <= MAX_NOTE_LENGTH;
  refuseUnless(valid, 'invalid-content', `${path} is not {"note": text of at most ${MAX_NOTE_LENGTH} characters, "view": a view}`);
  const { note, view } = raw as { note: string; view: unknown };
  return { note, restored: restoreViewState(view) };
}
