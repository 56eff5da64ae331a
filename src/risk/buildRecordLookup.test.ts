import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEventTable } from './buildEventTable.ts';
import { buildRecordLookup, recordKey } from './buildRecordLookup.ts';
import { chunkOf, record, SITES } from './testFixtures.ts';

describe('buildRecordLookup', () => {
  it('indexes exactly the linked keys, each at the first row that has it, like a full index would', () => {
    const name = fc.constantFrom('A', 'B', 'A:B', 'x');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('HKCED', 'MOCS', 'GACC-GD', 'SA:X'), name, fc.array(fc.tuple(fc.constantFrom('HKCED', 'MOCS', 'SA', 'SA:X', ' MOCS'), name), { maxLength: 3 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const records = rows.map(([source, id, links], i) =>
            record({ id, source, time: 1_700_000_000_000 + i, links: links.map(([s, target]) => `${s}:${target}`) }),
          );
          const table = buildEventTable([{ chunk: chunkOf(records.slice(0, 5)) }, ...(records.length > 5 ? [{ chunk: chunkOf(records.slice(5)) }] : [])], {
            sites: SITES,
            siteRadiusKm: 0.1,
          });
          const full = new Map<string, number>();
          const linked = new Set<string>();
          table.chunks.forEach((chunk, c) => {
            for (let r = table.chunkStart[c]; r < table.chunkStart[c + 1]; r++) {
              const row = table.chunkRow[r];
              const key = recordKey(chunk.strings.sources[chunk.columns.source[row]], chunk.strings.ids[row]);
              if (!full.has(key)) full.set(key, r);
              for (const part of chunk.strings.links[row].split(';')) if (part.trim()) linked.add(part.trim());
            }
          });
          const expected = new Map([...full].filter(([key]) => linked.has(key)));
          expect(buildRecordLookup(table).rowOf).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is empty when no record links anywhere', () => {
    const table = buildEventTable([{ chunk: chunkOf([record({ id: 'a', links: [] })]) }], { sites: SITES, siteRadiusKm: 0.1 });
    expect(buildRecordLookup(table).rowOf.size).toBe(0);
  });
});
