import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidateJson } from '../../../src/cli/validateCommand.ts';
import { FIXTURE_HEADER, makeFixtureDir, runCaptured, type FixtureDir } from './cliTestSupport.ts';

/** Stands for the fixture feed in test tables, which are built before the fixtures exist. */
const FEED = '<feed>';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('runCli', () => {
  let fixtures: FixtureDir;
  let feed: string;
  beforeAll(async () => {
    fixtures = await makeFixtureDir();
    feed = await fixtures.write('feed.csv', `${FIXTURE_HEADER}\nA1,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,,\n`);
  });
  afterAll(() => fixtures.remove());

  it.each([['help'], ['--help'], ['-h']])('prints the usage on stdout for %s and exits 0', async (word) => {
    const run = await runCaptured([word]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const command of ['validate', 'hotspots', 'alerts']) expect(run.stdout).toContain(`tidegate ${command} FILE...`);
    expect(run.stdout).toContain('Exit codes:');
  });

  it('prints the usage on stderr and exits 2 without arguments', async () => {
    const run = await runCaptured([]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('tidegate validate FILE...');
  });

  it('prints a command’s usage for its --help', async () => {
    const run = await runCaptured(['alerts', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tidegate alerts FILE\.\.\. --at TIME/);
    expect(run.stdout).not.toContain('tidegate hotspots');
  });

  it.each([
    [['frobnicate', FEED], /unknown command 'frobnicate'/, 'Usage:\n'],
    [['validate'], /no feed files given/, 'Usage: tidegate validate'],
    [['validate', '--jsn', FEED], /unknown option '--jsn' for 'validate'/, 'Usage: tidegate validate'],
    [['validate', '-j', FEED], /unknown option '-j'/, 'Usage: tidegate validate'],
    [['validate', '--json', '--json', FEED], /--json is given more than once/, 'Usage: tidegate validate'],
    [['validate', '--json=yes', FEED], /--json takes no value/, 'Usage: tidegate validate'],
    [['validate', FEED, '--source'], /--source needs a value/, 'Usage: tidegate validate'],
    [['validate', FEED, '--source', ' '], /--source needs a non-empty value/, 'Usage: tidegate validate'],
    [['validate', FEED, '--source', 'GACC:GD'], /Feed source/, 'Usage: tidegate validate'],
    [['validate', FEED, '--crs', 'BD-09'], /Unknown feed coordinate system 'BD-09'/, 'Usage: tidegate validate'],
    [['hotspots', '--at', '2026-03-01T00:00Z'], /no feed files given/, 'Usage: tidegate hotspots'],
  ])('refuses %j with exit 2 and the usage on stderr', async (args, message, usage) => {
    const run = await runCaptured(args.map((arg) => (arg === FEED ? feed : arg)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(usage);
  });

  it('runs as a real process through bin/tidegate.js', async () => {
    const child = spawn(process.execPath, ['bin/tidegate.js', 'validate', '--json', feed, fixtures.path('missing.csv')], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const document = JSON.parse(stdout) as ValidateJson;
    expect(document.files).toEqual([
      expect.objectContaining({ file: feed, format: 'csv', counts: expect.objectContaining({ rowsIn: 1, accepted: 1 }) }),
      { file: fixtures.path('missing.csv'), error: { code: 'ENOENT', message: 'No such file.' } },
    ]);
  }, 60_000);
});
