import { describe, expect, it } from 'vitest';
import type { BoardQuery, PlaybackAnswer } from '../board/BoardQuery.ts';
import type { HistoryMode } from './ViewStore.svelte.ts';
import { PlaybackController } from './PlaybackController.svelte.ts';

const DAY_MS = 86_400_000;

/** A stepper whose answers the test releases, frames the test runs, and the view's T writes. */
function harness() {
  const frames = new Map<number, (now: number) => void>();
  let nextFrame = 1;
  const pending: { query: BoardQuery; resolve: (answer: PlaybackAnswer) => void }[] = [];
  const writes: [number, HistoryMode][] = [];
  const controller = new PlaybackController({
    step: (query) => new Promise((resolve) => pending.push({ query, resolve })),
    queryAt: (time, requestId) => ({ requestId, params: { time } as BoardQuery['params'], filters: {} }),
    writeTime: (time, history) => writes.push([time, history]),
    requestFrame: (callback) => {
      frames.set(nextFrame, callback);
      return nextFrame++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
  });
  const runFrame = (now: number) => {
    const waiting = [...frames.values()];
    frames.clear();
    waiting.forEach((callback) => callback(now));
  };
  const answerNext = async () => {
    const next = pending.shift()!;
    const time = next.query.params.time!;
    next.resolve({ requestId: next.query.requestId, cancelled: false, time, hotspotLayer: {} as PlaybackAnswer['hotspotLayer'], hotspots: [], timing: { totalMs: 1 } });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { controller, runFrame, answerNext, pending, writes, frames };
}

describe('PlaybackController', () => {
  it('moves T with the wall clock, keeps one step in flight, and writes T a few times a second (push first)', async () => {
    const { controller, runFrame, answerNext, pending, writes } = harness();
    const plan = { from: 0, to: 10 * DAY_MS, speed: DAY_MS, loop: false };
    controller.play(plan, 2 * DAY_MS);
    runFrame(1000);
    expect(pending.map((p) => p.query.params.time)).toEqual([2 * DAY_MS]);
    expect(writes).toEqual([[2 * DAY_MS, 'push']]);
    runFrame(1500); // the first step is still out: no second one
    expect(controller.time).toBe(2.5 * DAY_MS);
    expect(pending).toHaveLength(1);
    expect(writes.at(-1)).toEqual([2.5 * DAY_MS, 'replace']);
    await answerNext();
    expect(controller.answer?.time).toBe(2 * DAY_MS);
    expect(controller.steps).toBe(1);
    runFrame(1600);
    expect(pending.map((p) => p.query.params.time)).toEqual([2.6 * DAY_MS]);
    expect(writes).toHaveLength(2); // the next write waits until 2000
  });

  it('stops at the end without looping, writing the last T; a step landing after the stop is dropped', async () => {
    const { controller, runFrame, answerNext, writes, frames } = harness();
    controller.play({ from: 0, to: 3 * DAY_MS, speed: DAY_MS, loop: false }, 0);
    runFrame(0);
    runFrame(5000);
    expect(controller.playing).toBe(false);
    expect(controller.time).toBe(3 * DAY_MS);
    expect(writes.at(-1)).toEqual([3 * DAY_MS, 'replace']);
    expect(frames.size).toBe(0);
    await answerNext();
    expect(controller.answer).toBeNull();
  });

  it('loops round, and stop() while stopped does nothing', () => {
    const { controller, runFrame, writes } = harness();
    controller.play({ from: 0, to: 4 * DAY_MS, speed: DAY_MS, loop: true }, 3 * DAY_MS);
    runFrame(0);
    runFrame(2000);
    expect(controller.time).toBe(DAY_MS);
    expect(controller.playing).toBe(true);
    controller.stop();
    const count = writes.length;
    controller.stop();
    expect(writes).toHaveLength(count);
  });

  it('keeps the last step shown after a stop until forgotten', async () => {
    const { controller, runFrame, answerNext } = harness();
    controller.play({ from: 0, to: 10 * DAY_MS, speed: DAY_MS, loop: false }, 0);
    runFrame(0);
    await answerNext();
    controller.stop();
    expect(controller.answer).not.toBeNull();
    controller.forget();
    expect(controller.answer).toBeNull();
  });
});
