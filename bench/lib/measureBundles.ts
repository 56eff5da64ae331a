import { createBundle, type BundleSourceChunk } from '../../src/bundle/createBundle.ts';
import { importBundle } from '../../src/bundle/importBundle.ts';
import { readBundle } from '../../src/bundle/readBundle.ts';
import { exportPublicKey, generateSigningKey } from '../../src/bundle/signingKeys.ts';
import { buildDemoChunks } from '../../src/board/buildDemoChunks.ts';
import { MemoryEventStore } from '../../src/store/MemoryEventStore.ts';

/** Options of the bundle bench. */
export interface BundleBenchOptions {
  /** Demo events to export. */
  events: number;
  /** End of the demo data, epoch ms. */
  now: number;
}

/** One way of writing a bundle, timed both ways. */
export interface BundleVariantResult {
  compressed: true;
  encrypted: boolean;
  bytes: number;
  bytesPerEvent: number;
  /** createBundle: pick rows, encode chunk entries, deflate, hash, sign (and encrypt). */
  exportMs: number;
  /** readBundle: decrypt, check the zip, verify the signature and every hash, inflate, restore and check every chunk. */
  verifyMs: number;
  /** importBundle into an empty in-memory store: the feed upsert rules, staging and publishing. */
  restoreMs: number;
  /** verify + restore. */
  importMs: number;
  /** CPU time (user + system) of the process for export, verify and restore. */
  exportCpuMs: number;
  verifyCpuMs: number;
  restoreCpuMs: number;
  /** Events the store held afterwards (must equal the events exported). */
  restoredEvents: number;
}

/** The bundle bench's numbers (written to the bench JSON under `bundle`). */
export interface BundleBenchResult {
  events: number;
  chunks: number;
  /** How the numbers were taken. */
  note: string;
  plain: BundleVariantResult;
  encrypted: BundleVariantResult;
  /** PBKDF2 iterations of the encrypted variant (the format's minimum and default). */
  pbkdf2Iterations: number;
}

const PASSPHRASE = 'correct horse battery staple';
const PBKDF2_ITERATIONS = 600_000;

/**
 * Wall time and the process's CPU time (user + system) of `work`. On a machine other work shares,
 * the CPU time is the steadier number: the wall time also counts the time the process waited.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function variant(chunks: readonly BundleSourceChunk[], events: number, passphrase: string | undefined, log: (text: string) => void): Promise<BundleVariantResult> {
  const pair = await generateSigningKey({ extractable: false });
  const signer = { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey), name: 'bench' };
  const created = await timed(() => createBundle({ chunks }, { signer, handling: { level: 'H5', uncodedAs: 'H1' }, passphrase, iterations: PBKDF2_ITERATIONS }));
  const { bytes, manifest } = created.value;
  if (manifest.events.count !== events) throw new Error(`the bundle carries ${manifest.events.count} of ${events} events (withheld: ${JSON.stringify(manifest.handling.withheld)})`);
  log(`    ${passphrase ? 'encrypted' : 'plain'}: exported ${bytes.length} bytes in ${Math.round(created.ms)} ms (CPU ${Math.round(created.cpuMs)} ms)`);
  const read = await timed(() => readBundle(bytes, { passphrase }));
  if (!read.value.ok) throw new Error(`the bundle was refused: ${read.value.refusal.code}: ${read.value.refusal.message}`);
  const contents = read.value.contents;
  const store = new MemoryEventStore();
  const restored = await timed(() => importBundle(store, 'bench.tidegate', contents));
  const stored = (await store.loadPublishedChunks()).reduce((sum, { chunk, mask }) => sum + chunk.meta.count - (mask ? mask.reduce((n, bit) => n + (bit !== 0 ? 1 : 0), 0) : 0), 0);
  if (restored.value.counts.accepted !== events || stored !== events) throw new Error(`the store holds ${stored} events after the import (accepted ${restored.value.counts.accepted}), not ${events}`);
  log(`    ${passphrase ? 'encrypted' : 'plain'}: verified in ${Math.round(read.ms)} ms (CPU ${Math.round(read.cpuMs)} ms), restored in ${Math.round(restored.ms)} ms (CPU ${Math.round(restored.cpuMs)} ms)`);
  return {
    compressed: true,
    encrypted: passphrase !== undefined,
    bytes: bytes.length,
    bytesPerEvent: bytes.length / events,
    exportMs: created.ms,
    verifyMs: read.ms,
    restoreMs: restored.ms,
    importMs: read.ms + restored.ms,
    exportCpuMs: created.cpuMs,
    verifyCpuMs: read.cpuMs,
    restoreCpuMs: restored.cpuMs,
    restoredEvents: stored,
  };
}

/**
 * Export and import of a bundle of `events` demo events in Node, through the same core the board
 * and the CLI use: createBundle (compressed, then compressed and encrypted with a passphrase),
 * then readBundle (every check and hash) and importBundle into an empty in-memory store. The demo
 * chunks are built once, before anything is timed, as the store would hold them.
 */
export async function measureBundles(options: BundleBenchOptions, log: (text: string) => void = () => {}): Promise<BundleBenchResult> {
  log(`    building ${options.events} demo events (untimed)`);
  const chunks = buildDemoChunks(options.now, options.events).map(({ chunk }) => ({ chunk }));
  const events = chunks.reduce((sum, { chunk }) => sum + chunk.meta.count, 0);
  const plain = await variant(chunks, events, undefined, log);
  const encrypted = await variant(chunks, events, PASSPHRASE, log);
  return {
    events,
    chunks: chunks.length,
    note: 'Node, one thread; demo events (no handling codes), level H5 so every event is carried; the restore is an in-memory store (the browser writes the same chunks to IndexedDB instead).',
    plain,
    encrypted,
    pbkdf2Iterations: PBKDF2_ITERATIONS,
  };
}
