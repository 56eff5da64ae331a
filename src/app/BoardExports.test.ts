import { describe, expect, it } from 'vitest';
import type { BoardAnswer, DetailsAnswer, DetailsQuery, EventRow } from '../board/BoardQuery.ts';
import { readStrictCsv } from '../csv/csvTestSupport.ts';
import { defaultViewState, type Selection, type ViewState } from '../view/ViewState.ts';
import { BoardExports, type ExportSources } from './BoardExports.svelte.ts';
import type { DetailsPaging, RiskClient } from './RiskClient.svelte.ts';

const T = Date.parse('2026-11-20T12:00:00+08:00');

function row(k: number): EventRow {
  return {
    source: k % 2 === 0 ? 'GD' : 'HK',
    id: `=id-${k}`,
    time: T - k * 60_000,
    category: 'tobacco',
    kind: 'seizure',
    severity: 3,
    grading: null,
    mode: null,
    valueCny: null,
    site: null,
    channel: null,
    weight: 1 / (k + 1),
    description: `+desc ${k}`,
    links: [],
    lon: 114,
    lat: 22.5,
  };
}

/** A worker stand-in holding `total` events, whose first answers come back cancelled and whose data may change once. */
function fakeRisk(total: () => number, cancelFirst: number) {
  const asked: DetailsPaging[] = [];
  let cancelled = 0;
  const risk = {
    exportDetails: async (_view: ViewState, _selection: Selection, paging: DetailsPaging): Promise<DetailsAnswer> => {
      asked.push(paging);
      const count = total();
      const events = Array.from({ length: Math.max(0, Math.min(paging.pageSize, count - paging.page * paging.pageSize)) }, (_, k) => row(paging.page * paging.pageSize + k));
      return { cancelled: cancelled++ < cancelFirst, found: true, time: T, totalEvents: count, events } as DetailsAnswer;
    },
  };
  return { risk: risk as unknown as RiskClient, asked };
}

function exporter(overrides: Partial<ExportSources>): { exports: BoardExports; saved: { blob: Blob; fileName: string }[] } {
  const saved: { blob: Blob; fileName: string }[] = [];
  const view: ViewState = { ...defaultViewState('en'), selection: { kind: 'hotspot', cell: '87411c8a5ffffff' } };
  const exports = new BoardExports({
    view: () => view,
    answer: () => null,
    risk: () => null,
    dataset: () => ({ sources: ['GD', 'HK'], demo: true }),
    eventSort: () => ({ key: 'weight', descending: true }),
    capture: () => null,
    save: (blob, fileName) => saved.push({ blob, fileName }),
    ...overrides,
  });
  return { exports, saved };
}

describe('BoardExports', () => {
  it('pages through every contributing event, asking again when a newer question overtook a page', async () => {
    const { risk, asked } = fakeRisk(() => 12_345, 2);
    const { exports, saved } = exporter({ risk: () => risk });
    await exports.run('events');
    expect(exports.outcome).toEqual({ kind: 'events', status: 'saved', fileName: 'tidegate-events-hotspot-87411c8a5ffffff-2026-11-20T1200+0800.csv' });
    expect(asked.map((paging) => paging.page)).toEqual([0, 0, 0, 1, 2]);
    expect(asked.every((paging) => paging.sort.key === 'weight' && paging.sort.descending)).toBe(true);
    expect([...new Uint8Array(await saved[0].blob.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Blob.text() decodes UTF-8 and drops the byte-order mark.
    const [header, ...rows] = readStrictCsv(await saved[0].blob.text());
    expect(header[0]).toBe('Source agency');
    expect(rows).toHaveLength(12_345);
    expect(rows[12_344].slice(0, 2)).toEqual(['GD', "'=id-12344"]);
    expect(exports.running).toBeNull();
  });

  it('starts over when the data changes between pages, so the file holds one state', async () => {
    let total = 7_000;
    const { risk, asked } = fakeRisk(() => {
      const count = total;
      total = 6_000;
      return count;
    }, 0);
    const { exports, saved } = exporter({ risk: () => risk });
    await exports.run('events');
    expect(asked.map((paging) => paging.page)).toEqual([0, 1, 0, 1]);
    const [, ...rows] = readStrictCsv(await saved[0].blob.text());
    expect(rows).toHaveLength(6_000);
  });

  it('says why it cannot export: no answer, no hotspots, no selection, the map not ready', async () => {
    const idle = exporter({});
    await idle.exports.run('hotspots');
    expect(idle.exports.outcome).toEqual({ kind: 'hotspots', status: 'refused', reason: 'notReady' });
    await idle.exports.run('map');
    expect(idle.exports.outcome).toEqual({ kind: 'map', status: 'refused', reason: 'mapNotReady' });
    const empty = exporter({ answer: () => ({ time: T, hotspotLayer: { count: 0 } }) as BoardAnswer });
    await empty.exports.run('hotspots');
    expect(empty.exports.outcome).toEqual({ kind: 'hotspots', status: 'refused', reason: 'noHotspots' });
    const unselected = exporter({ view: () => defaultViewState('en'), risk: () => ({}) as RiskClient });
    await unselected.exports.run('events');
    expect(unselected.exports.outcome).toEqual({ kind: 'events', status: 'refused', reason: 'noSelection' });
    expect([idle, empty, unselected].every(({ saved }) => saved.length === 0)).toBe(true);
  });

  it('runs one export at a time', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const risk = {
      exportDetails: async (_v: ViewState, _s: Selection, paging: DetailsQuery): Promise<DetailsAnswer> => {
        await gate;
        return { cancelled: false, found: true, time: T, totalEvents: 1, events: paging.page === 0 ? [row(0)] : [] } as unknown as DetailsAnswer;
      },
    } as unknown as RiskClient;
    const { exports, saved } = exporter({ risk: () => risk });
    const first = exports.run('events');
    expect(exports.running).toBe('events');
    await exports.run('hotspots');
    expect(exports.running).toBe('events');
    release();
    await first;
    expect(saved).toHaveLength(1);
  });
});
