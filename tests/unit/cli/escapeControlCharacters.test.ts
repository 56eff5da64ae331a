import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../../src/cli/escapeControlCharacters.ts';
import { escapingOutput } from '../../../src/cli/escapingOutput.ts';
import { jsonText } from '../../../src/cli/jsonText.ts';

/** Every character the CLI must never print raw, listed by range rather than by Unicode category. */
function mustEscape(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) || // DEL, C1
    code === 0xad || // soft hyphen
    (code >= 0x200b && code <= 0x200f) || // zero-width space and joiners, LRM, RLM
    (code >= 0x2028 && code <= 0x202e) || // line/paragraph separators, bidi embeddings and overrides
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x206f) || // bidi isolates, deprecated format characters
    code === 0x061c || // Arabic letter mark
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb) ||
    (code >= 0xd800 && code <= 0xdfff) || // lone surrogates
    code === 0xe0001 ||
    (code >= 0xe0020 && code <= 0xe007f) // tags
  );
}

/** Characters a terminal could act on or hide, and ordinary ones, for random text. */
const hostileUnit = fc.oneof(
  fc.constantFrom('\u001b', '\r', '\n', '\t', '\u0007', '\u0000', '\u007f', '\u0085', '\u009b', '\u00ad', '\u200b', '\u200d', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff', '\u{e0041}', '\\', '"'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('a', 'Z', '9', ' ', '香', '/', '[', '😀'),
);
const hostileText = fc.array(hostileUnit, { maxLength: 12 }).map((units) => units.join(''));

function rawUnprintables(text: string, allowLineFeeds: boolean): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pairs = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    const point = pairs ? (text.codePointAt(i) as number) : code;
    if (pairs) i++;
    if (point === 0x0a && allowLineFeeds) continue;
    if (mustEscape(point)) found.push(point.toString(16));
  }
  return found;
}

describe('escapeControlCharacters', () => {
  it.each([
    ['evil\u001b[31m\r\u0007\u202e.csv', 'evil\\u001b[31m\\r\\u0007\\u202e.csv'],
    ['a\nb\tc', 'a\\nb\\tc'],
    ['C1 \u0085 \u009b, DEL \u007f, NUL \u0000', 'C1 \\u0085 \\u009b, DEL \\u007f, NUL \\u0000'],
    ['\u2066isolate\u2069 \u200bzero\u200d \ufeffbom \u00adsoft', '\\u2066isolate\\u2069 \\u200bzero\\u200d \\ufeffbom \\u00adsoft'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['tag \u{e0041}', 'tag \\udb40\\udc41'],
    ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
    ['香港 GACC-GD C:\\feeds\\a.csv 😀 é', '香港 GACC-GD C:\\feeds\\a.csv 😀 é'],
  ])('shows %j as %j', (text, shown) => {
    expect(escapeControlCharacters(text)).toBe(shown);
  });

  it('keeps line feeds raw only when asked', () => {
    expect(escapeControlCharacters('a\n\u001bb\r\n', { keepLineFeeds: true })).toBe('a\n\\u001bb\\r\n');
  });

  it('leaves nothing a terminal could act on, and its escapes read back as the same text in a JSON string', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = escapeControlCharacters(text);
        expect(rawUnprintables(shown, false)).toEqual([]);
        if (!text.includes('\\') && !text.includes('"')) expect(JSON.parse(`"${shown}"`)).toBe(text);
        expect(rawUnprintables(escapeControlCharacters(text, { keepLineFeeds: true }), true)).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });

  it('escapes exactly the characters of the range list, over every code point', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code);
      if ((escapeControlCharacters(char) !== char) !== mustEscape(code) && !isOtherFormatCharacter(code)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

/** Format characters (Cf) of scripts the range list does not name: escaped too, by category. */
function isOtherFormatCharacter(code: number): boolean {
  return /\p{Cf}/u.test(String.fromCodePoint(code));
}

describe('jsonText', () => {
  it('escapes what JSON.stringify leaves raw, and parses back to the same document', () => {
    const document = { file: 'a\u0085b\u202ec\u2028d\u001be\u{e0041}', nested: [{ 'key\u200b': 'x\ud800' }] };
    const text = jsonText(document);
    expect(text).toContain('"a\\u0085b\\u202ec\\u2028d\\u001be\\udb40\\udc41"');
    expect(text.endsWith('}\n')).toBe(true);
    expect(rawUnprintables(text, true)).toEqual([]);
    expect(JSON.parse(text)).toEqual(document);
  });

  it('round-trips random documents with hostile strings, keys included', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }), fc.integer())), (document) => {
        const text = jsonText(document);
        expect(rawUnprintables(text, true)).toEqual([]);
        expect(JSON.parse(text)).toEqual(document);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('escapingOutput', () => {
  it('escapes every write, keeping the output’s own line feeds', () => {
    let stdout = '';
    let stderr = '';
    const output = escapingOutput({ stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
    output.stdout.write('one\u001b[2J\ntwo\r\n');
    output.stderr.write('\u202eerror\u0007\n');
    expect(stdout).toBe('one\\u001b[2J\ntwo\\r\n');
    expect(stderr).toBe('\\u202eerror\\u0007\n');
  });
});
