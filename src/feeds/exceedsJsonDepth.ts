/**
 * True when `value` nests arrays and objects more than `limit` (≥ 0) levels deep, counting `value`
 * itself as level 1 when it is an array or object (a scalar has depth 0). Iterative, so any depth
 * is safe, and it stops at the first container past the limit.
 */
export function exceedsJsonDepth(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit < 1) return true;
  // Most values (a Point geometry, a list of links) hold scalars or containers of scalars only:
  // settle those without allocating the walk's stacks.
  if (limit >= 2 && !hasGrandchildContainer(value)) return false;
  const pending: object[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const container = pending.pop() as Record<string, unknown>;
    const childDepth = (depths.pop() as number) + 1;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const item: unknown = container[i];
        if (typeof item !== 'object' || item === null) continue;
        if (childDepth > limit) return true;
        pending.push(item);
        depths.push(childDepth);
      }
    } else {
      for (const key in container) {
        const item = container[key];
        if (typeof item !== 'object' || item === null) continue;
        if (childDepth > limit) return true;
        pending.push(item);
        depths.push(childDepth);
      }
    }
  }
  return false;
}

/** True for an array or object that holds an array or object. */
function hasContainerChild(container: object): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const item: unknown = container[i];
      if (typeof item === 'object' && item !== null) return true;
    }
    return false;
  }
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) return true;
  }
  return false;
}

/** True when a child of `container` holds an array or object: its depth may then exceed 2. */
function hasGrandchildContainer(container: object): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const item: unknown = container[i];
      if (typeof item === 'object' && item !== null && hasContainerChild(item)) return true;
    }
    return false;
  }
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null && hasContainerChild(item)) return true;
  }
  return false;
}
