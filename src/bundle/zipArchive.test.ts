import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BundleRefusalError, type BundleRefusalCode } from './BundleRefusal.ts';
import { BUNDLE_LIMITS } from './bundleLimits.ts';
import { storedEntry } from './bundleTestSupport.ts';
import { crc32 } from './crc32.ts';
import { inflateEntry } from './inflateEntry.ts';
import { readZip, unsafePathProblem } from './readZip.ts';
import { writeZip, type ZipEntryInput } from './writeZip.ts';

function deflatedEntry(path: string, content: Uint8Array): ZipEntryInput {
  return { path, method: 'deflate', stored: deflateSync(content), size: content.length, crc: crc32(content) };
}

function refusalOf(action: () => unknown): BundleRefusalCode | 'none' {
  try {
    action();
    return 'none';
  } catch (error) {
    if (error instanceof BundleRefusalError) return error.code;
    throw error;
  }
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('equals zlib’s CRC-32 on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });
});

describe('the bundle zip', () => {
  it('writes zips that fflate and Info-ZIP read back, and reads its own exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 3000 }), fc.boolean()), { minLength: 1, maxLength: 6 }), (contents) => {
        const entries = contents.map(([content, deflate], i) => (deflate ? deflatedEntry(`d/${i}.bin`, content) : storedEntry(`d/${i}.bin`, content)));
        const zip = writeZip(entries);
        const read = readZip(zip, BUNDLE_LIMITS);
        expect(read.map((entry) => entry.path)).toEqual(entries.map((entry) => entry.path));
        read.forEach((entry, i) => expect(inflateEntry(entry)).toEqual(contents[i][0]));
        const other = unzipSync(zip);
        contents.forEach(([content], i) => expect(other[`d/${i}.bin`]).toEqual(content));
      }),
      { numRuns: 200 },
    );
    const dir = mkdtempSync(join(tmpdir(), 'tidegate-zip-'));
    try {
      const file = join(dir, 'x.zip');
      writeFileSync(file, writeZip([storedEntry('manifest.json', bytesOf('{}')), deflatedEntry('events/000000.chunk', new Uint8Array(5000).fill(7))]));
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names each unsafe path', () => {
    expect(unsafePathProblem('events/000000.chunk')).toBeNull();
    for (const path of ['../evil', 'views/../../etc/passwd', '/abs', 'C:evil', 'a\\b', 'a\0b', 'a//b', 'dir/', './x', 'a\u001bb']) {
      expect(unsafePathProblem(path), path).not.toBeNull();
    }
  });

  it('refuses path traversal, absolute paths, backslashes, NUL and duplicate entries', () => {
    for (const path of ['../evil.json', '/etc/passwd', 'views\\000.json', 'views/000.json\0.txt', 'events/../manifest.json']) {
      expect(refusalOf(() => readZip(writeZip([storedEntry(path, bytesOf('x'))]), BUNDLE_LIMITS)), path).toBe('unsafe-path');
    }
    const twice = writeZip([storedEntry('manifest.json', bytesOf('{}')), storedEntry('manifest.json', bytesOf('{"a":1}'))]);
    expect(refusalOf(() => readZip(twice, BUNDLE_LIMITS))).toBe('duplicate-entry');
  });

  it('refuses declared sizes beyond the limits and implausible compression ratios before inflating anything', () => {
    const small = { ...BUNDLE_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 1500, maxEntries: 3 };
    const zeros = new Uint8Array(2000);
    expect(refusalOf(() => readZip(writeZip([deflatedEntry('a', zeros)]), small))).toBe('too-large');
    const parts = [deflatedEntry('a', zeros.subarray(0, 900)), deflatedEntry('b', zeros.subarray(0, 900))];
    expect(refusalOf(() => readZip(writeZip(parts), small))).toBe('too-large');
    expect(refusalOf(() => readZip(writeZip(['a', 'b', 'c', 'd'].map((p) => storedEntry(p, zeros.subarray(0, 1)))), small))).toBe('too-large');
    // 10 MB of zeros deflate to about 10 KB: a ratio near 1000.
    const bomb = deflatedEntry('events/000000.chunk', new Uint8Array(10_000_000));
    expect(refusalOf(() => readZip(writeZip([bomb]), BUNDLE_LIMITS))).toBe('zip-bomb');
  });

  it('stops inflating an entry at its declared size', () => {
    const content = new Uint8Array(5_000_000).fill(1);
    const liar = { ...deflatedEntry('x', content), size: 1000, crc: crc32(content.subarray(0, 1000)) };
    const [entry] = readZip(writeZip([liar]), { ...BUNDLE_LIMITS, maxCompressionRatio: 1e9 });
    expect(refusalOf(() => inflateEntry(entry))).toBe('zip-bomb');
    const short = { ...deflatedEntry('x', content.subarray(0, 10)), size: 20 };
    const [shortEntry] = readZip(writeZip([short]), BUNDLE_LIMITS);
    expect(refusalOf(() => inflateEntry(shortEntry))).toBe('damaged');
    const badCrc = { ...deflatedEntry('x', content.subarray(0, 10)), crc: 1 };
    expect(refusalOf(() => inflateEntry(readZip(writeZip([badCrc]), BUNDLE_LIMITS)[0]))).toBe('damaged');
    const garbage = { path: 'x', method: 'deflate', stored: Uint8Array.of(0xff, 0xff, 0xff), size: 3, crc: 0 } as const;
    expect(refusalOf(() => inflateEntry(readZip(writeZip([garbage]), BUNDLE_LIMITS)[0]))).toBe('damaged');
  });

  it('refuses every single-byte change of the structure, and every truncation', () => {
    const zip = writeZip([storedEntry('manifest.json', bytesOf('{"x":1}')), deflatedEntry('views/000.json', bytesOf('{"note":"n","view":{}}'.repeat(5)))]);
    const [manifest, view] = readZip(zip, BUNDLE_LIMITS);
    const dataRanges = [manifest, view].map((entry) => [entry.stored.byteOffset, entry.stored.byteOffset + entry.stored.length]);
    let structural = 0;
    for (let at = 0; at < zip.length; at++) {
      if (dataRanges.some(([from, to]) => at >= from && at < to)) continue;
      structural++;
      const flipped = zip.slice();
      flipped[at] ^= 0x01;
      expect(refusalOf(() => readZip(flipped, BUNDLE_LIMITS)), `byte ${at}`).not.toBe('none');
    }
    expect(structural).toBeGreaterThan(150);
    for (let length = 0; length < zip.length; length++) {
      expect(refusalOf(() => readZip(zip.subarray(0, length), BUNDLE_LIMITS)), `length ${length}`).not.toBe('none');
    }
  });

  it('refuses a comment, bytes between entries, foreign method numbers and files that are no zip', () => {
    const zip = writeZip([storedEntry('manifest.json', bytesOf('{}'))]);
    const commented = new Uint8Array(zip.length + 3);
    commented.set(zip);
    commented[zip.length - 2] = 3;
    commented.set(bytesOf('hey'), zip.length);
    expect(refusalOf(() => readZip(commented, BUNDLE_LIMITS))).toBe('damaged');
    const method = zip.slice();
    method[8] = 12;
    expect(refusalOf(() => readZip(method, BUNDLE_LIMITS))).toBe('damaged');
    expect(refusalOf(() => readZip(bytesOf('id,source\n1,GD\n'.repeat(5)), BUNDLE_LIMITS))).toBe('not-a-bundle');
    expect(refusalOf(() => readZip(new Uint8Array(0), BUNDLE_LIMITS))).toBe('not-a-bundle');
  });
});
