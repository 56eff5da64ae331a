import type { LegendBlock } from '../export/mapLegend.ts';
import type { MapCaption } from '../export/mapCaption.ts';
import { wrapText } from '../export/wrapText.ts';
import type { Locale } from '../i18n/locales.ts';
import { ensureFontsFor, fontStackFor } from './fonts.ts';

/** What goes into a map image. */
export interface MapImageInput {
  /** The map as drawn (basemap and overlay), device pixels. */
  map: HTMLCanvasElement;
  caption: MapCaption;
  legend: LegendBlock[];
  locale: Locale;
  /** Colours of the band under the map (the board theme's panel, text, muted text and warning). */
  colours: { background: string; text: string; muted: string; warn: string; border: string };
}

/** One piece of the band under the map, measured and placed before anything is drawn. */
interface Piece {
  draw(context: CanvasRenderingContext2D, x: number, y: number): void;
  height: number;
}

/** Text size of the band in pixels: a hundredth of the image's width, at least 14 px. */
function unitOf(width: number): number {
  return Math.max(14, Math.round(width / 100));
}

function textPieces(context: CanvasRenderingContext2D, lines: readonly string[], width: number, font: string, colour: string, lineHeight: number): Piece[] {
  context.font = font;
  return lines.flatMap((line) =>
    wrapText(line, width, (text) => context.measureText(text).width).map((wrapped) => ({
      height: lineHeight,
      draw(ctx: CanvasRenderingContext2D, x: number, y: number) {
        ctx.font = font;
        ctx.fillStyle = colour;
        ctx.fillText(wrapped, x, y + lineHeight * 0.78);
      },
    })),
  );
}

function legendPieces(context: CanvasRenderingContext2D, blocks: readonly LegendBlock[], width: number, unit: number, fonts: { bold: string; plain: string }, colours: MapImageInput['colours']): Piece[] {
  const line = unit * 1.45;
  const pieces: Piece[] = [];
  for (const block of blocks) {
    pieces.push(...textPieces(context, [block.title], width, fonts.bold, colours.text, line));
    if (block.kind === 'gradient') {
      const barHeight = unit * 0.9;
      pieces.push({
        height: barHeight + line + unit * 0.4,
        draw(ctx, x, y) {
          const gradient = ctx.createLinearGradient(x, 0, x + width, 0);
          block.stops.forEach((stop, i) => gradient.addColorStop(i / Math.max(1, block.stops.length - 1), stop));
          ctx.fillStyle = gradient;
          ctx.fillRect(x, y, width, barHeight);
          ctx.strokeStyle = colours.border;
          ctx.strokeRect(x + 0.5, y + 0.5, width - 1, barHeight - 1);
          ctx.font = fonts.plain;
          ctx.fillStyle = colours.muted;
          for (const tick of block.ticks) {
            const tx = x + tick.fraction * width;
            ctx.fillRect(tx - 0.5, y + barHeight, 1, unit * 0.3);
            ctx.textAlign = tick.fraction <= 0.02 ? 'left' : tick.fraction >= 0.98 ? 'right' : 'center';
            ctx.fillText(tick.label, tx, y + barHeight + unit * 0.3 + line * 0.78);
          }
          ctx.textAlign = 'left';
        },
      });
    } else {
      // Swatches flow left to right and wrap to the legend's width.
      context.font = fonts.plain;
      const swatch = unit * 0.8;
      let row: { colour: string; label: string; x: number }[] = [];
      let cursor = 0;
      const flush = (): void => {
        const items = row;
        pieces.push({
          height: line,
          draw(ctx, x, y) {
            ctx.font = fonts.plain;
            for (const item of items) {
              ctx.fillStyle = item.colour;
              ctx.fillRect(x + item.x, y + (line - swatch) / 2, swatch, swatch);
              ctx.fillStyle = colours.text;
              ctx.fillText(item.label, x + item.x + swatch + unit * 0.35, y + line * 0.78);
            }
          },
        });
        row = [];
        cursor = 0;
      };
      for (const item of block.items) {
        const itemWidth = swatch + unit * 0.35 + context.measureText(item.label).width + unit;
        if (cursor > 0 && cursor + itemWidth > width) flush();
        row.push({ ...item, x: cursor });
        cursor += itemWidth;
      }
      if (row.length > 0) flush();
    }
    pieces.push({ height: unit * 0.6, draw: () => {} });
  }
  return pieces;
}

/**
 * The map image an officer attaches to a briefing: the map as drawn, and under it a band with the
 * caption (T, window and filters in UTC+8) and the legend, all drawn as canvas text (never HTML),
 * in the board language's fonts. Resolves to a PNG.
 */
export async function composeMapImage(input: MapImageInput): Promise<Blob> {
  const { map, caption, legend, locale, colours } = input;
  const width = map.width;
  const unit = unitOf(width);
  const family = fontStackFor(locale);
  const fonts = { bold: `700 ${unit * 1.2}px ${family}`, plain: `400 ${unit}px ${family}` };
  const allText = [caption.title, ...caption.lines, caption.warning ?? '', ...legend.flatMap((block) => [block.title, ...(block.kind === 'gradient' ? block.ticks.map((tick) => tick.label) : block.items.map((item) => item.label))])].join('');
  await ensureFontsFor(locale, allText);

  const scratch = document.createElement('canvas').getContext('2d')!;
  const padding = unit * 1.2;
  const gap = unit * 2;
  const legendWidth = legend.length > 0 ? Math.round(Math.min(width * 0.4, unit * 32)) : 0;
  const captionWidth = width - 2 * padding - (legendWidth > 0 ? legendWidth + gap : 0);
  const line = unit * 1.45;
  const captionColumn = [
    ...textPieces(scratch, [caption.title], captionWidth, fonts.bold, colours.text, unit * 1.7),
    ...textPieces(scratch, caption.lines, captionWidth, fonts.plain, colours.text, line),
    ...(caption.warning === null ? [] : textPieces(scratch, [caption.warning], captionWidth, fonts.bold, colours.warn, line)),
  ];
  const legendColumn = legendPieces(scratch, legend, legendWidth, unit, fonts, colours);
  const columnHeight = (pieces: Piece[]): number => pieces.reduce((sum, piece) => sum + piece.height, 0);
  const bandHeight = Math.ceil(2 * padding + Math.max(columnHeight(captionColumn), columnHeight(legendColumn)));

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = map.height + bandHeight;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colours.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(map, 0, 0);
  context.fillStyle = colours.border;
  context.fillRect(0, map.height, width, Math.max(1, Math.round(unit / 8)));
  context.textBaseline = 'alphabetic';
  const place = (pieces: Piece[], x: number): void => {
    let y = map.height + padding;
    for (const piece of pieces) {
      piece.draw(context, x, y);
      y += piece.height;
    }
  };
  place(captionColumn, padding);
  if (legendWidth > 0) place(legendColumn, width - padding - legendWidth);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
}
