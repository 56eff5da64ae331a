/**
 * Serialises a JSON object compactly but diff-friendly: one line per top-level key, and one
 * line per element when that key holds an array of objects. Key order is the objects' own
 * insertion order, so a deterministic builder gives byte-identical output. Ends with a newline.
 */
export function stringifyOneItemPerLine(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, item]) => {
    const head = `${JSON.stringify(key)}:`;
    const isObjectList = Array.isArray(item) && item.length > 0 && item.every((x) => typeof x === 'object' && x !== null);
    if (!isObjectList) return head + JSON.stringify(item);
    return `${head}[\n${item.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
  });
  return `{${lines.join(',\n')}}\n`;
}
