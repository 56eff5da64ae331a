import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from '../../../src/cli/formatTable.ts';

describe('formatTable', () => {
  it('pads columns to their widest cell, right-aligns where asked and leaves no trailing blanks', () => {
    const text = formatTable(['name', 'n', 'note'], [['a', '1', 'x'], ['long name', '123', '']], { align: ['left', 'right'], indent: '> ' });
    expect(text).toBe('> name         n  note\n> a            1  x\n> long name  123  \n');
  });

  it('counts CJK characters as two columns, so columns line up in a terminal', () => {
    expect(displayWidth('香煙 ab')).toBe(7);
    const [, cjk, latin] = formatTable(['category', 'x'], [['香煙', '1'], ['tobacco', '2']]).split('\n');
    expect(displayWidth(cjk.slice(0, cjk.indexOf('1')))).toBe(latin.indexOf('2'));
  });

  it('shows control, bidi and invisible characters in cells escaped, and pads by the escaped width', () => {
    expect(formatTable(['a\u202eb', 'n'], [['x\ny\tz\u0001\u001b[2J', '1']])).toBe('a\\u202eb                n\nx\\ny\\tz\\u0001\\u001b[2J  1\n');
  });
});
