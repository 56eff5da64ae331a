/** An array or object being written: its values (and keys, for an object) and the next index. */
interface Frame {
  values: readonly unknown[];
  keys: readonly string[] | null;
  next: number;
  /** Whether a member has been written, so the next one needs a comma. */
  wrote: boolean;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function frameOf(container: object): Frame {
  if (Array.isArray(container)) return { values: container, keys: null, next: 0, wrote: false };
  const keys = Object.keys(container);
  const record = container as Record<string, unknown>;
  return { values: keys.map((key) => record[key]), keys, next: 0, wrote: false };
}

/** JSON text of a scalar, or null for what JSON.stringify leaves out of an object (undefined, functions). */
function scalarJson(value: unknown, budget: number): string | null {
  switch (typeof value) {
    case 'string':
      // Escaping only lengthens text, so a prefix one longer than the budget keeps the output exact.
      return JSON.stringify(value.length > budget ? value.slice(0, budget + 1) : value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return String(value);
    case 'object':
      return 'null';
    default:
      return null;
  }
}

/**
 * The first `maxChars` characters of `JSON.stringify(value)` for a JSON value, built without
 * recursion and without writing much more than `maxChars`: safe for values nested to any depth,
 * and cheap for huge ones. A value JSON cannot write at top level (undefined, a function) gives
 * `String(value)`.
 */
export function previewJson(value: unknown, maxChars: number): string {
  if (!isContainer(value)) return (scalarJson(value, maxChars) ?? String(value)).slice(0, maxChars);
  const parts: string[] = [Array.isArray(value) ? '[' : '{'];
  let length = 1;
  const stack: Frame[] = [frameOf(value)];
  while (stack.length > 0 && length < maxChars) {
    const frame = stack[stack.length - 1];
    const { values, keys } = frame;
    let index = frame.next;
    let text: string | null = null;
    for (; index < values.length; index++) {
      if (isContainer(values[index])) break;
      text = scalarJson(values[index], maxChars - length);
      // In an array, what JSON cannot write becomes null; in an object, the member is left out.
      if (text !== null || keys === null) break;
    }
    let piece: string;
    if (index >= values.length) {
      piece = keys === null ? ']' : '}';
      stack.pop();
    } else {
      const item = values[index];
      frame.next = index + 1;
      piece = frame.wrote ? ',' : '';
      frame.wrote = true;
      if (keys !== null) piece += `${JSON.stringify(keys[index])}:`;
      if (isContainer(item)) {
        stack.push(frameOf(item));
        piece += Array.isArray(item) ? '[' : '{';
      } else {
        piece += text ?? 'null';
      }
    }
    parts.push(piece);
    length += piece.length;
  }
  const joined = parts.join('');
  return joined.length > maxChars ? joined.slice(0, maxChars) : joined;
}
