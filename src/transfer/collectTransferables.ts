/**
 * Every ArrayBuffer behind the typed arrays in `value` — its own properties, array items and nested
 * objects, each buffer once — for a `postMessage` / `Comlink.transfer` list. Transferring moves
 * a buffer: the sender must not keep using any array it replies with (replies are built fresh).
 * Walks iteratively and visits each object once, so deep or cyclic values cannot overflow the stack.
 */
export function collectTransferables(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      // A view on a SharedArrayBuffer is shared, not transferred.
      if (item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
      continue;
    }
    if (item instanceof ArrayBuffer) {
      buffers.add(item);
      continue;
    }
    for (const child of Object.values(item)) pending.push(child);
  }
  return [...buffers];
}
