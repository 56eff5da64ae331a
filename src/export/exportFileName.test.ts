import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart, fileStampUtc8 } from './exportFileName.ts';
import { selectionFileParts } from './selectionFileParts.ts';

const T = Date.parse('2026-11-20T12:00:00+08:00');

/** Whether a name holds a character Windows, macOS or Linux refuses in a file name, or a control. */
const refused = (name: string): boolean => [...name].some((char) => '/\\:*?"<>|'.includes(char) || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

describe('export file names', () => {
  it('stamps T in UTC+8 without colons', () => {
    expect(fileStampUtc8(T)).toBe('2026-11-20T1200+0800');
    // 23:59 UTC is the next day in UTC+8.
    expect(fileStampUtc8(Date.parse('2026-12-31T23:59:30Z'))).toBe('2027-01-01T0759+0800');
    expect(exportFileName('hotspots', T, 'csv')).toBe('tidegate-hotspots-2026-11-20T1200+0800.csv');
    expect(exportFileName('map', T, 'png')).toBe('tidegate-map-2026-11-20T1200+0800.png');
  });

  it('names the selection in an events file with safe parts only', () => {
    expect(exportFileName('events', T, 'csv', selectionFileParts({ kind: 'hotspot', cell: '87411c8a5ffffff' }))).toBe(
      'tidegate-events-hotspot-87411c8a5ffffff-2026-11-20T1200+0800.csv',
    );
    expect(exportFileName('events', T, 'csv', selectionFileParts({ kind: 'event', source: 'HK', id: '../../etc/passwd' }))).toBe(
      'tidegate-events-event-HK-etc-passwd-2026-11-20T1200+0800.csv',
    );
    expect(exportFileName('events', T, 'csv', selectionFileParts({ kind: 'event', source: 'GD', id: '走私:案/1?' }))).toBe(
      'tidegate-events-event-GD-1-2026-11-20T1200+0800.csv',
    );
    expect(exportFileName('events', T, 'csv', ['event', '...', '＝'])).toBe('tidegate-events-event-2026-11-20T1200+0800.csv');
  });

  it('never makes a part with a refused character, a path step, a leading dot or more than 48 characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...'/\\:*?"<>|\u0000\u001f\u007f. -_aZ09走é\u202e\ufeff\ud800'), { maxLength: 80 }).map((chars) => chars.join('')), fc.constantFrom('..', '.hidden', 'a..b', 'CON', ' x ', '-=1')), (text) => {
        const part = fileNamePart(text);
        expect(refused(part)).toBe(false);
        expect(part).not.toContain('..');
        expect(part).not.toMatch(/^[.-]|[.-]$/);
        expect(part.length).toBeLessThanOrEqual(48);
        expect(part).toMatch(/^[A-Za-z0-9._-]*$/);
      }),
    );
  });
});
