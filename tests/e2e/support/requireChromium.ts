import { existsSync } from 'node:fs';
import { chromiumPath, ChromiumMissingError } from './launchChromium.ts';

/**
 * Vitest global setup of the e2e project: stops the run with a plain explanation (no stack
 * trace) when there is no Chromium to drive.
 */
export default function requireChromium(): void {
  const path = chromiumPath();
  if (existsSync(path)) return;
  process.stderr.write(`\n${new ChromiumMissingError(path).message}\n\n`);
  process.exit(1);
}
