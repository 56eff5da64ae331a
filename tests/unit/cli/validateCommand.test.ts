import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValidateJson } from '../../../src/cli/validateCommand.ts';
import { FIXTURE_HEADER, makeFixtureDir, runCaptured, type FixtureDir } from './cliTestSupport.ts';

const VALID = [
  FIXTURE_HEADER,
  'A1,GACC-GD,2026-03-01 10:00,113.5489,22.2186,毒品,seizure,4,,,Body-packed',
  'A2,HKCED,2026-03-01T09:10:00+08:00,,,Narcotics,clue,3,lo_wu_control_point,,Tip-off',
  'A3,MOCS,2026-03-01 12:00,113.55,22.19,tobacco,seizure,2,,,',
].join('\n');

const WITH_REJECTIONS = [
  FIXTURE_HEADER,
  'B1,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,,ok',
  'B2,GACC-GD,2026-02-30 10:00,113.5489,22.2186,tobacco,seizure,3,,,bad date',
  'B3,GACC-GD,2026-03-01 10:00,113.5489,22.2186,mystery goods,seizure,3,,,kept as other',
  'B4,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,9,,,bad severity',
  'B5,GACC-GD,2026-03-01 10:00,,,tobacco,seizure,3,atlantis,,unknown site',
].join('\n');

describe('tidegate validate', () => {
  let fixtures: FixtureDir;
  beforeEach(async () => {
    fixtures = await makeFixtureDir();
  });
  afterEach(() => fixtures.remove());

  it('reports the counts of a valid file and exits 0', async () => {
    const file = await fixtures.write('valid.csv', VALID);
    const run = await runCaptured(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${file} (csv)`);
    expect(run.stdout).toMatch(/rows in\s+accepted\s+updated\s+unchanged\s+stale\s+rejected\s+warnings\n\s+3\s+3\s+0\s+0\s+0\s+0\s+0\n/);
    expect(run.stdout).toContain('Total: 1 file, 3 rows, 0 rejected, 0 warnings');
  });

  it('lists every rejected row with line, field and reason, and warnings, in human output', async () => {
    const file = await fixtures.write('rejects.csv', WITH_REJECTIONS);
    const run = await runCaptured(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rejected rows (3):');
    expect(run.stdout).toMatch(/line 3\s+time\s+.*not a real calendar date/);
    expect(run.stdout).toMatch(/line 5\s+severity\s+.*not an integer from 1 to 5/);
    expect(run.stdout).toMatch(/line 6\s+site\s+.*atlantis.*reference geography/);
    expect(run.stdout).toContain('Warnings (1):');
    expect(run.stdout).toMatch(/line 4\s+category\s+.*mystery goods/);
  });

  it('prints the same report as one JSON document', async () => {
    const file = await fixtures.write('rejects.csv', WITH_REJECTIONS);
    const run = await runCaptured(['validate', '--json', file]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ValidateJson;
    expect(document.files).toHaveLength(1);
    const [entry] = document.files;
    if (!('counts' in entry)) throw new Error('expected a report');
    expect(entry).toMatchObject({ file, format: 'csv' });
    expect(entry.counts).toEqual({ rowsIn: 5, accepted: 2, updated: 0, unchanged: 0, stale: 0, rejected: 3, warnings: 1 });
    expect(entry.rejections.map((r) => [r.location, r.field])).toEqual([
      [{ line: 3 }, 'time'],
      [{ line: 5 }, 'severity'],
      [{ line: 6 }, 'site'],
    ]);
    expect(entry.rejections[0].reason).toContain('February 2026 has 28 days');
    expect(entry.warnings).toEqual([expect.objectContaining({ location: { line: 4 }, field: 'category', original: 'mystery goods' })]);
  });

  it('imports the files in order into one store: the second sees the first’s keys', async () => {
    const first = await fixtures.write(
      'first.csv',
      [
        FIXTURE_HEADER,
        'K1,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,2026-03-01 10:00,v1',
        'K2,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,2026-03-02 10:00,v2',
        'K3,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,2026-03-01 10:00,same',
      ].join('\n'),
    );
    const second = await fixtures.write(
      'second.ndjson',
      [
        '{"id":"K1","source":"GACC-GD","time":"2026-03-01 10:00","lon":113.5489,"lat":22.2186,"category":"tobacco","severity":3,"updated":"2026-03-03 10:00","description":"v2"}',
        '{"id":"K2","source":"GACC-GD","time":"2026-03-01 10:00","lon":113.5489,"lat":22.2186,"category":"tobacco","severity":3,"updated":"2026-03-01 10:00","description":"older"}',
        '{"id":"K3","source":"GACC-GD","time":"2026-03-01 10:00","lon":113.5489,"lat":22.2186,"category":"tobacco","kind":"seizure","severity":3,"updated":"2026-03-01 10:00","description":"same"}',
        '{"id":"K4","source":"GACC-GD","time":"2026-03-01 10:00","lon":113.5489,"lat":22.2186,"category":"tobacco","severity":3}',
      ].join('\n'),
    );
    const run = await runCaptured(['validate', '--json', first, second]);
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout) as ValidateJson;
    expect(files.map((f) => ('counts' in f ? [f.format, f.counts] : null))).toEqual([
      ['csv', { rowsIn: 3, accepted: 3, updated: 0, unchanged: 0, stale: 0, rejected: 0, warnings: 0 }],
      ['ndjson', { rowsIn: 4, accepted: 1, updated: 1, unchanged: 1, stale: 1, rejected: 0, warnings: 0 }],
    ]);
    // Each run starts from an empty store: the second file alone is all new.
    const alone = JSON.parse((await runCaptured(['validate', '--json', second])).stdout) as ValidateJson;
    expect('counts' in alone.files[0] && alone.files[0].counts.accepted).toBe(4);
  });

  it('reports unreadable files (bad UTF-8, UTF-16, empty, missing, directory) with exit 1 and still reports the others', async () => {
    const good = await fixtures.write('good.csv', VALID);
    const latin1 = await fixtures.write('latin1.csv', new Uint8Array([...Buffer.from('id,source,time,lon,lat,category\n1,X,'), 0xe9, 0x0a]));
    const utf16 = await fixtures.write('utf16.csv', new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]));
    const empty = await fixtures.write('empty.csv', '');
    const missing = fixtures.path('missing.csv');
    const after = await fixtures.write('after.csv', WITH_REJECTIONS);
    const files = [good, latin1, utf16, empty, missing, fixtures.dir, after];

    const human = await runCaptured(['validate', ...files]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`${latin1}: NOT READ (encoding)`);
    expect(human.stdout).toMatch(new RegExp(`${utf16.replace(/[.\\]/g, '\\$&')}: NOT READ \\(encoding\\): .*UTF-16`));
    expect(human.stdout).toContain(`${empty}: NOT READ (empty)`);
    expect(human.stdout).toContain(`${missing}: NOT READ (ENOENT)`);
    expect(human.stdout).toContain(`${fixtures.dir}: NOT READ (EISDIR)`);
    expect(human.stdout).toContain(`${after} (csv)`);
    expect(human.stdout).toContain('Total: 7 files (5 not read), 8 rows, 3 rejected, 1 warning');

    const json = await runCaptured(['validate', '--json', ...files]);
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as ValidateJson;
    expect(document.files.map((f) => ('error' in f ? f.error.code : f.counts.rowsIn))).toEqual([3, 'encoding', 'encoding', 'empty', 'ENOENT', 'EISDIR', 5]);
    expect(document.files.map((f) => f.file)).toEqual(files);
  });

  it('applies --source and --crs to rows without them', async () => {
    const file = await fixtures.write('grid.csv', ['id,time,easting,northing,category', 'G1,2026-03-01 10:00,836694.05,819069.80,tobacco'].join('\n'));
    const withoutSource = JSON.parse((await runCaptured(['validate', '--json', file])).stdout) as ValidateJson;
    expect(withoutSource.files[0]).toMatchObject({ error: { code: 'header' } });
    const run = await runCaptured(['validate', '--json', '--source', 'hkced', '--crs=EPSG:2326', file]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ValidateJson).files[0]).toMatchObject({ counts: { accepted: 1, rejected: 0 } });
  });

  it('reads GeoJSON and reports features by index', async () => {
    const file = await fixtures.write(
      'feed.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [113.55, 22.2] }, properties: { id: 'F0', source: 'MOCS', time: '2026-03-01 10:00', category: 'tobacco' } },
          { type: 'Feature', geometry: { type: 'LineString', coordinates: [[113.55, 22.2], [113.56, 22.21]] }, properties: { id: 'F1', source: 'MOCS', time: '2026-03-01 10:00', category: 'tobacco' } },
        ],
      }),
    );
    const run = await runCaptured(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file} (geojson)`);
    expect(run.stdout).toMatch(/feature 1\s+geometry\s+/);
  });
});
