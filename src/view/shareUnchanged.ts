/**
 * `next`, with every part that equals the same part of `previous` replaced by `previous`'s own
 * value, so a change keeps the identity of everything it did not change (structural sharing).
 * The board reacts to identities: were every change a fresh copy of the whole view, a filter click
 * would also look like a new layer set to the map (labels re-placed, the overlay rebuilt and drawn
 * before the answer it waits for). Returns `previous` itself when nothing changed. For plain data
 * (objects, arrays, primitives), as restoreViewState returns; neither argument is modified, and the
 * result must not be modified either (it shares `previous`'s parts).
 */
export function shareUnchanged<T>(previous: T, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const shared = next.map((item, i) => (i < previous.length ? share(previous[i], item) : item));
    const same = shared.length === previous.length && shared.every((item, i) => Object.is(item, previous[i]));
    return same ? previous : shared;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    let same = Object.keys(next).length === Object.keys(previous).length;
    // fromEntries defines each key as an own property, "__proto__" included (no prototype change).
    const shared = Object.fromEntries(
      Object.entries(next).map(([key, value]) => {
        const had = Object.hasOwn(previous, key);
        const part = had ? share(previous[key], value) : value;
        if (!had || !Object.is(part, previous[key])) same = false;
        return [key, part];
      }),
    );
    return same ? previous : shared;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // Object.prototype of any realm (structuredClone may hand back another realm's objects).
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
