/** Icon modes of reference sites. */
export type SiteIconMode = 'sea' | 'land' | 'air' | 'rail' | 'ferry';

const ICON_SIZE = 64;

// Simple pictograms on a 24-unit grid, drawn white so deck.gl can tint them (mask mode).
const PICTOGRAMS: Record<SiteIconMode, string> = {
  sea: '<path d="M12 3v14M8 7h8M5 13c1 4 4 6 7 6s6-2 7-6" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="4" r="1.8" fill="#fff"/>',
  land: '<rect x="4" y="9" width="16" height="7" rx="2" fill="#fff"/><path d="M7 9l2-4h6l2 4" fill="#fff"/><circle cx="8" cy="17.5" r="2.2" fill="#fff"/><circle cx="16" cy="17.5" r="2.2" fill="#fff"/>',
  air: '<path d="M12 2.5c1 0 1.6 1 1.6 2.2v4.6l7.4 4.4v2.1l-7.4-2.2v4.1l2.2 1.7v1.7L12 20.1l-3.8 1v-1.7l2.2-1.7v-4.1L3 15.8v-2.1l7.4-4.4V4.7c0-1.2.6-2.2 1.6-2.2z" fill="#fff"/>',
  rail: '<rect x="6" y="3" width="12" height="14" rx="3" fill="#fff"/><path d="M8 21l2-4M16 21l-2-4" stroke="#fff" stroke-width="2" stroke-linecap="round"/>',
  ferry: '<path d="M3 14h18l-3 5H6z" fill="#fff"/><rect x="7" y="8" width="10" height="5" rx="1" fill="#fff"/><path d="M2 21c2 0 2-1 4-1s2 1 4 1 2-1 4-1 2 1 4 1 2-1 4-1" fill="none" stroke="#fff" stroke-width="1.5"/>',
};

/** A deck.gl IconLayer icon definition for a site mode (an inline SVG: no network, no sprite file). */
export function siteIcon(mode: SiteIconMode): { id: string; url: string; width: number; height: number; mask: boolean } {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_SIZE}" height="${ICON_SIZE}" viewBox="0 0 24 24">${PICTOGRAMS[mode]}</svg>`;
  return {
    id: mode,
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    width: ICON_SIZE,
    height: ICON_SIZE,
    mask: true,
  };
}
