import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotsJson } from '../../../src/cli/formatHotspots.ts';
import type { ValidateJson } from '../../../src/cli/validateCommand.ts';
import { FIXTURE_HEADER, makeFixtureDir, rawControlCharacters, runCaptured, type CliRun, type FixtureDir } from './cliTestSupport.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** ESC starting a colour sequence, CR, BEL, RIGHT-TO-LEFT OVERRIDE and a line feed, in a file name. */
const HOSTILE_NAME = 'evil\u001b[31m\r\u0007\u202e\n.csv';
const HOSTILE_NAME_SHOWN = 'evil\\u001b[31m\\r\\u0007\\u202e\\n.csv';
const AT = '2026-03-02T00:00:00+08:00';
/** Stands for the hostile feed in test tables, which are built before the fixtures exist. */
const FEED = '<feed>';

/** Rows whose values carry terminal escapes, bidi and C1 controls into ids, sources, reasons and warnings. */
const HOSTILE_ROWS = [
  'A1\u001b[2J,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tob\u001b]0;pwned\u0007acco\u202e,seizure,3,,,desc\u009b2J',
  'A2,GACC-GD,2026-03-01 1\u001b[2J0:00,113.5489,22.2186,tobacco,seizure,3,,,',
  'A3\u2066x\u2069,GACC-GD,2026-03-01 11:00,113.5489,22.2186,tobacco,seizure,3,,,',
  'A4,GACC-GD\u0085,2026-03-01 11:30,113.5489,22.2186,tobacco,seizure,3,,,',
  'A5,GACC-GD,2026-03-01 12:00,113.5489,22.2186,tobacco,sei\u202ezure,3,site\u2028,,"two\nlines\u0007"',
  'A6,GACC-GD,2026-03-01 12:30,113.5489,22.2186,"to\nbacco",seizure,3,,,',
];

function expectNoRawControls(run: CliRun): void {
  expect(rawControlCharacters(run.stdout)).toEqual([]);
  expect(rawControlCharacters(run.stderr)).toEqual([]);
}

describe('the CLI prints no raw control, bidi or invisible character', () => {
  let fixtures: FixtureDir;
  let hostile: string;
  let missing: string;
  beforeAll(async () => {
    fixtures = await makeFixtureDir();
    hostile = await fixtures.write(HOSTILE_NAME, `${FIXTURE_HEADER}\n${HOSTILE_ROWS.join('\n')}\n`);
    missing = fixtures.path('gone\u001b[8m\u202e.csv');
  });
  afterAll(() => fixtures.remove());

  it('validate: file names, reasons and warnings shown escaped, each on its own line', async () => {
    const run = await runCaptured(['validate', hostile, missing]);
    expect(run.code).toBe(1);
    expectNoRawControls(run);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${fixtures.dir}/${HOSTILE_NAME_SHOWN} (csv)`);
    expect(run.stdout).toContain(`${fixtures.dir}/gone\\u001b[8m\\u202e.csv: NOT READ (ENOENT): No such file.`);
    expect(run.stdout).toContain("time '2026-03-01 1\\u001b[2J0:00' is not a date-time");
    expect(run.stdout).toContain('tob\\u001b]0;pwned\\u0007acco\\u202e');
    // A line feed inside a value stays inside its table row.
    expect(lines.find((line) => line.includes("unknown category 'to\\nbacco'"))).toMatch(/^ {4}line \d+ +category +unknown category 'to\\nbacco'.* to\\nbacco$/);
  });

  it('validate --json: the same document, with every such character as a \\u escape', async () => {
    const run = await runCaptured(['validate', '--json', hostile, missing]);
    expectNoRawControls(run);
    expect(run.stdout).toContain(JSON.stringify(`${fixtures.dir}/evil\u001b[31m\r\u0007`).slice(1, -1) + '\\u202e\\n.csv');
    const document = JSON.parse(run.stdout) as ValidateJson;
    expect(document.files.map((file) => file.file)).toEqual([hostile, missing]);
    const first = document.files[0];
    expect('warnings' in first && first.warnings.some((w) => w.original === 'tob\u001b]0;pwned\u0007acco\u202e')).toBe(true);
  });

  it.each([[[]], [['--json']]])('hotspots %j: sources, ids and the import summary escaped', async (json) => {
    const run = await runCaptured(['hotspots', hostile, '--at', AT, ...json]);
    expect(run.code).toBe(0);
    expectNoRawControls(run);
    expect(run.stderr).toContain(`${fixtures.dir}/${HOSTILE_NAME_SHOWN}: `);
    if (json.length > 0) {
      const ids = (JSON.parse(run.stdout) as HotspotsJson).hotspots.flatMap((h) => h.topEvents.map((e) => e.id));
      expect(ids).toContain('A1\u001b[2J');
    }
  });

  it.each([[[]], [['--json']]])('alerts %j', async (json) => {
    const run = await runCaptured(['alerts', hostile, missing, '--at', AT, ...json]);
    expect(run.code).toBe(1);
    expectNoRawControls(run);
    expect(run.stderr).toContain(`${fixtures.dir}/gone\\u001b[8m\\u202e.csv: NOT READ (ENOENT)`);
  });

  it.each([
    [['frob\u001b[2Jnicate'], "unknown command 'frob\\u001b[2Jnicate'"],
    [['validate', '--\u001b]0;x\u0007', FEED], "unknown option '--\\u001b]0;x\\u0007'"],
    [['validate', FEED, '--crs', 'WGS\u202e84\r'], "Unknown feed coordinate system 'WGS\\u202e84\\r'"],
    [['hotspots', FEED, '--at', '2026\u001b[1A-03-01'], '2026\\u001b[1A-03-01'],
  ])('usage errors echo %j escaped', async (args, shown) => {
    const run = await runCaptured(args.map((arg) => (arg === FEED ? hostile : arg)));
    expect(run.code).toBe(2);
    expectNoRawControls(run);
    expect(run.stderr).toContain(shown);
  });

  it('writes no raw control character to a real process’s stdout and stderr', async () => {
    const child = spawn(process.execPath, ['bin/tidegate.js', 'validate', hostile, missing], { cwd: REPO });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const run = { code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expectNoRawControls(run);
    expect(run.stdout).toContain(HOSTILE_NAME_SHOWN);
  }, 60_000);
});
