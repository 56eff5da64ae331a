import { describe, expect, it } from 'vitest';
import { detached } from './detached.ts';

describe('detached', () => {
  it('returns equal text, short or long, cut or whole', () => {
    const parent = `${'中'.repeat(20)},GONGBEI-CUSTOMS,x`;
    for (const text of ['', 'a', 'GONGBEI-CUSTOMS', parent.slice(21, 36), parent, '😀'.repeat(9)]) expect(detached(text)).toBe(text);
  });
});
