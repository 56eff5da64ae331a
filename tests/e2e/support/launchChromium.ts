import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the e2e tests look for Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Thrown when no Chromium binary can be found, with what to do about it. */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `No Chromium found at ${path}. The end-to-end tests drive a real headless Chromium.\n` +
        `Install Debian's package (sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

/**
 * Launches headless Chromium with no background network traffic. WebGL runs on SwiftShader all the
 * same; no `--use-angle=swiftshader`: that flag makes Chromium take SwiftShader for a GPU and
 * composite and rasterise the whole page through it too, which made every frame of the board
 * 2–3× slower (playback at 1M: 5.4 steps/s with it, 14 without) than a machine without a GPU is.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
