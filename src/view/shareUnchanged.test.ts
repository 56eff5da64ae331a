import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './shareUnchanged.ts';
import { viewStateArbitrary } from './viewStateArbitraries.ts';
import type { ViewState } from './ViewState.ts';

/** Plain deep equality of data: same keys, same items, primitives by Object.is; prototypes ignored. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Walks `result` beside `previous` and `next` and checks, at every path, what sharing promises: an
 * object or array whose value did not change is `previous`'s own; one that changed is new.
 */
function checkSharing(previous: unknown, next: unknown, result: unknown, path = '$'): void {
  expect(sameData(result, next), `${path} equals next`).toBe(true);
  if (result === null || typeof result !== 'object') return;
  const unchanged = sameData(previous, next);
  if (unchanged) {
    expect(result, `${path} is previous's own`).toBe(previous);
    return;
  }
  expect(result, `${path} changed, so it is a new object`).not.toBe(previous);
  const children = previous !== null && typeof previous === 'object' && Array.isArray(previous) === Array.isArray(result) ? (previous as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(result)) {
    checkSharing(Object.hasOwn(children, key) ? children[key] : undefined, (next as Record<string, unknown>)[key], value, `${path}.${key}`);
  }
}

/** Applies random edits to a copy of `value`: replace, delete or add at random depths. */
function edited(value: unknown, edits: readonly { depth: number; pick: number; kind: number; with: unknown }[]): unknown {
  const copy = structuredClone(value);
  for (const edit of edits) {
    let node: unknown = copy;
    for (let level = 0; level < edit.depth; level++) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[edit.pick % keys.length];
      const child = (node as Record<string, unknown>)[key];
      if (level === edit.depth - 1 || child === null || typeof child !== 'object') {
        if (Array.isArray(node)) {
          if (edit.kind === 0) node.splice(Number(key), 1);
          else if (edit.kind === 1) node.push(edit.with);
          else node[Number(key)] = edit.with;
        } else {
          const record = node as Record<string, unknown>;
          if (edit.kind === 0) delete record[key];
          else if (edit.kind === 1) record[`${key}+`] = edit.with;
          else record[key] = edit.with;
        }
        break;
      }
      node = child;
    }
  }
  return copy;
}

const editsArbitrary = fc.array(fc.record({ depth: fc.integer({ min: 1, max: 5 }), pick: fc.nat(), kind: fc.integer({ min: 0, max: 2 }), with: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 4 });

describe('shareUnchanged', () => {
  it('keeps every unchanged part of random data and copies every changed one, never touching its inputs', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), editsArbitrary, (previous, edits) => {
        const next = edited(previous, edits);
        const before = structuredClone({ previous, next });
        const result = shareUnchanged(previous, next);
        checkSharing(previous, next, result);
        expect({ previous, next }).toStrictEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the parts of a view that a change of other parts left alone', () => {
    fc.assert(
      fc.property(viewStateArbitrary, viewStateArbitrary, fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }), (previous, other, takeOther) => {
        const keys = Object.keys(previous) as (keyof ViewState)[];
        const next = Object.fromEntries(keys.map((key, i) => [key, structuredClone(takeOther[i % takeOther.length] ? other[key] : previous[key])])) as unknown as ViewState;
        checkSharing(previous, next, shareUnchanged(previous, next));
      }),
      { numRuns: 200 },
    );
  });

  it('returns the previous value itself when nothing changed, and next when a type changed', () => {
    const previous = { a: [1, { b: 2 }], c: null, d: Number.NaN };
    expect(shareUnchanged(previous, structuredClone(previous))).toBe(previous);
    const next = { a: { 0: 1 }, c: null, d: Number.NaN };
    const result = shareUnchanged<unknown>(previous, next) as typeof next;
    expect(result.a).toBe(next.a);
    expect(Array.isArray(result.a)).toBe(false);
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const previous = JSON.parse('{"a":{"x":1}}') as Record<string, unknown>;
    const next = JSON.parse('{"a":{"x":1},"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const result = shareUnchanged(previous, next);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect((result as { polluted?: boolean }).polluted).toBeUndefined();
    expect(result.a).toBe(previous.a);
  });
});
