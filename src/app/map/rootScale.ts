/**
 * CSS pixels per design pixel of the map's marks: the root font size over the browser default
 * (16 px). A wall that sets a larger root size gets proportionally thicker lines, larger icons
 * and labels.
 */
export function rootScale(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return size > 0 ? size / 16 : 1;
}
