import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

describe('yieldToEventLoop', () => {
  it('lets a task queued before it run first (a resolved promise would not)', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await yieldToEventLoop();
    expect(ran).toBe(true);
  });
});
