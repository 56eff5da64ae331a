import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureTextLengths } from './featureTextLengths.ts';

const space = fc.string({ unit: fc.constantFrom(' ', '\n', '\r', '\t'), maxLength: 3 });
const member = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ type: fc.constant('Feature'), properties: fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })) }),
  fc.string({ unit: fc.constantFrom('"', '\\', 'a', ',', ']', '}', '[', '{', '\u2028', '\ud800'), maxLength: 10 }),
);

describe('featureTextLengths', () => {
  it('measures each member of features as written, whatever the spacing and the other members', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(member, space, space), { maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom('type', 'crs', 'bbox', 'x', 'features"', 'Features'), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
        fc.boolean(),
        space,
        (members, others, escapedKey, gap) => {
          const features = members.map(([value, before, after]) => `${before}${JSON.stringify(value)}${after}`).join(',');
          const key = escapedKey ? '"feat\\u0075res"' : '"features"';
          const entries = [...others.map(([k, v]) => `${JSON.stringify(k)}${gap}:${gap}${JSON.stringify(v)}`), `${key}${gap}:${gap}[${features}${gap}]`];
          const text = `${gap}{${gap}${entries.join(`${gap},${gap}`)}${gap}}${gap}`;
          expect(JSON.parse(text).features).toHaveLength(members.length);
          expect(featureTextLengths(text)).toEqual(members.map(([value]) => JSON.stringify(value).length));
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('takes the last features member, as JSON.parse does', () => {
    const text = '{"features":[{"a":1},2],"type":"FeatureCollection","features":[ [1,2,3] , "x" ],"after":{"features":[1]}}';
    expect(JSON.parse(text).features).toEqual([[1, 2, 3], 'x']);
    expect(featureTextLengths(text)).toEqual([7, 3]);
  });
});
