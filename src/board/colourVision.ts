import type { Rgb } from './sequentialScale.ts';

/** CIELAB colour (D65 white). */
export type Lab = readonly [number, number, number];

/** A colour vision as a 3×3 matrix on linear RGB. */
export type VisionMatrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/**
 * Simulations of full dichromacy from Machado, Oliveira & Fernandes (2009), "A Physiologically-based
 * Model for Simulation of Color Vision Deficiency", severity 1.0, applied to linear RGB.
 */
export const COLOUR_VISIONS: Readonly<Record<'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia', VisionMatrix>> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function labOfLinear(r: number, g: number, b: number): Lab {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  [r, g, b] = [clamp(r), clamp(g), clamp(b)];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIELAB of an sRGB colour as seen with `vision`. */
export function labSeenWith(rgb: Rgb, vision: VisionMatrix = COLOUR_VISIONS.normal): Lab {
  const linear = rgb.map(toLinear);
  const [r, g, b] = vision.map((row) => row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]);
  return labOfLinear(r, g, b);
}

/** CIE76 colour difference (Euclidean distance in CIELAB). */
export function deltaE(a: Lab, b: Lab): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The closest pair of `colors` under `vision`, by CIE76 difference. */
export function closestPair(colors: readonly Rgb[], vision: VisionMatrix): { distance: number; i: number; j: number } {
  const labs = colors.map((color) => labSeenWith(color, vision));
  let closest = { distance: Number.POSITIVE_INFINITY, i: -1, j: -1 };
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) {
      const distance = deltaE(labs[i], labs[j]);
      if (distance < closest.distance) closest = { distance, i, j };
    }
  }
  return closest;
}
