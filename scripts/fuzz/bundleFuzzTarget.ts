import { readFileSync } from 'node:fs';
import { readBundle } from '../../src/bundle/readBundle.ts';
import { chunkRecords } from '../../src/bundle/chunkRecords.ts';
import { looksLikeBundle } from '../../src/bundle/looksLikeBundle.ts';
import type { SeededRandom } from '../../src/demo/seededRandom.ts';
import { FuzzCheckError, type FuzzInput, type FuzzRunResult, type FuzzTarget } from './FuzzTarget.ts';
import { mutateBytes, randomBytes } from './mutateBytes.ts';
import { runFeedImport } from './runFeedImport.ts';

/**
 * Two valid bundles made once with the command line (`tidegate bundle create`, a throwaway key, 5
 * records of every kind of field and a view with a note), kept as fixtures so that a seed and a
 * case index give the same bytes in every process: ECDSA signatures are randomised, so a bundle
 * made at run time would differ each time. The second is encrypted; the fuzzer never knows its
 * passphrase (the command line sample could not either), so it must be refused as such or as damaged.
 */
const PLAIN = new Uint8Array(readFileSync(new URL('./fixtures/base.tidegate', import.meta.url)));
const ENCRYPTED = new Uint8Array(readFileSync(new URL('./fixtures/base-encrypted.tidegate', import.meta.url)));
/** Records in the fixtures. */
const BASE_RECORDS = 5;

function invariant(ok: boolean, message: string): void {
  if (!ok) throw new FuzzCheckError('invariant', message);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A file name a user could give a bundle, mostly the real extension. */
function fileName(random: SeededRandom): string {
  return random.pick(['brief.tidegate', 'brief.tidegate', 'brief.tidegate', 'brief.zip', 'brief', 'brief.csv']);
}

/**
 * Briefing bundles under fuzzing: a valid bundle (plain or encrypted) damaged the ways files get
 * damaged — flipped, inserted, deleted, repeated bytes, truncation, a BOM in front — or left whole,
 * or random bytes. A bundle is signed and hashed end to end, so the rule is strict: any change must
 * be refused with a reason before anything is read, and the unchanged plain bundle must read whole.
 */
export const BUNDLE_FUZZ_TARGET: FuzzTarget = {
  name: 'bundle',
  generate(random: SeededRandom): FuzzInput {
    const name = fileName(random);
    if (random.chance(0.05)) return { fileName: name, bytes: randomBytes(random, random.int(0, 4000)), chunkBytes: 0 };
    const base = random.chance(0.2) ? ENCRYPTED : PLAIN;
    const damage = random.chance(0.05) ? 0 : random.int(1, 4);
    return { fileName: name, bytes: damage === 0 ? base : mutateBytes(random, base, damage), chunkBytes: 0 };
  },
  async run(input: FuzzInput): Promise<FuzzRunResult> {
    // What no longer starts like a bundle is a feed file to the tools, whatever it is called.
    if (!looksLikeBundle(input.bytes.subarray(0, 64))) return runFeedImport(input);
    const result = await readBundle(input.bytes);
    const whole = sameBytes(input.bytes, PLAIN);
    if (!result.ok) {
      invariant(!whole, `the unchanged bundle was refused: ${result.refusal.code} ${result.refusal.message}`);
      invariant(result.refusal.message.length > 0 && result.refusal.message.length <= 1000, `refusal message of ${result.refusal.message.length} characters`);
      return { read: false, code: result.refusal.code };
    }
    invariant(whole, 'a changed bundle was read as valid');
    const records = result.contents.chunks.flatMap((chunk) => chunkRecords(chunk));
    invariant(records.length === BASE_RECORDS, `${records.length} records read, ${BASE_RECORDS} in the bundle`);
    invariant(result.contents.views.length === 1, `${result.contents.views.length} views read, 1 in the bundle`);
    return { read: true, format: 'bundle', rowsIn: records.length, rejected: 0, warnings: 0 };
  },
};
