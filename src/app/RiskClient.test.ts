import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardAnswer, BoardQuery } from '../board/BoardQuery.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { RiskClient, showsAnswer, type RiskService } from './RiskClient.svelte.ts';

/** A worker stand-in whose answers the test releases one by one, in any order. */
function controlledService() {
  const pending = new Map<number, { query: BoardQuery; resolve: (answer: BoardAnswer) => void }>();
  const service: RiskService = {
    boardQuery: (query) => new Promise((resolve) => pending.set(query.requestId, { query, resolve })),
    details: () => Promise.reject(new Error('not used')),
    step: () => Promise.reject(new Error('not used')),
  };
  const release = async (requestId: number, cancelled = false) => {
    const entry = pending.get(requestId)!;
    pending.delete(requestId);
    entry.resolve({ requestId, cancelled, interactive: entry.query.interactive === true } as unknown as BoardAnswer);
    // Let the client's continuation run (a few microtask turns; no timers, so runs stay fast).
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  };
  return { service, pending, release };
}

const view = defaultViewState();
/** A view at its own T: each is a different question. */
const viewAt = (hour: number) => ({ ...view, model: { ...view.model, at: Date.UTC(2026, 0, 1) + hour * 3_600_000 } });

describe('RiskClient', () => {
  it('shows answers while a drag asks faster than the worker answers', async () => {
    const { service, release } = controlledService();
    const client = new RiskClient(service);
    // Each answer arrives after the next question was sent (the drag never waits).
    void client.ask(viewAt(1), null, { interactive: true });
    void client.ask(viewAt(2), null, { interactive: true });
    await release(1);
    expect(client.answer?.requestId).toBe(1);
    void client.ask(viewAt(3), null, { interactive: true });
    await release(2);
    expect(client.answer?.requestId).toBe(2);
    expect(client.busy).toBe(true);
    // The drag ends: the full answer is the last word; a late interactive one does not replace it.
    void client.ask(viewAt(3), null);
    await release(4);
    expect(client.answer?.requestId).toBe(4);
    expect(client.busy).toBe(false);
    await release(3);
    expect(client.answer?.requestId).toBe(4);
  });

  it('drops an overtaken answer to a deliberate change (latest wins)', async () => {
    const { service, release } = controlledService();
    const client = new RiskClient(service);
    void client.ask(viewAt(1), null);
    void client.ask(viewAt(2), null);
    await release(1);
    expect(client.answer).toBeNull();
    await release(2);
    expect(client.answer?.requestId).toBe(2);
  });

  it('shows answers in increasing order, ends on the latest, and follows the rule, whatever the order of arrival', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ interactive: fc.boolean(), cancelled: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat({ max: 12 }), { maxLength: 12 }),
        async (asks, picks, interleave) => {
          const { service, pending, release } = controlledService();
          const client = new RiskClient(service);
          const shown: number[] = [];
          let asked = 0;
          let latestShown = 0;
          const pick = picks[Symbol.iterator]();
          const releaseOne = async () => {
            const ids = [...pending.keys()];
            const id = ids[pick.next().value % ids.length];
            const { cancelled } = asks[id - 1];
            const interactive = asks[id - 1].interactive;
            const expected = !cancelled && (id === asked || (interactive && id > latestShown));
            await release(id, cancelled);
            expect(client.answer?.requestId === id && shown.at(-1) !== id).toBe(expected);
            if (expected) {
              shown.push(id);
              latestShown = id;
            }
          };
          for (const [k, ask] of asks.entries()) {
            asked++;
            void client.ask(viewAt(k), null, { interactive: ask.interactive });
            for (let r = 0; r < (interleave[k] ?? 0) % 3 && pending.size > 0; r++) await releaseOne();
          }
          while (pending.size > 0) await releaseOne();
          expect(shown).toEqual([...shown].sort((a, b) => a - b));
          if (!asks.at(-1)!.cancelled) expect(client.answer?.requestId).toBe(asks.length);
          expect(client.busy).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('joins a question identical to the latest one in flight, unless the data changed since it was sent', async () => {
    const { service, pending, release } = controlledService();
    const client = new RiskClient(service);
    const viewport = { west: 113, south: 22, east: 114, north: 23, zoom: 9 };
    const first = client.ask(view, viewport);
    const joined = client.ask(view, { ...viewport });
    expect(joined).toBe(first);
    expect([...pending.keys()]).toEqual([1]);
    // The same view in another viewport, or after a load was sent, is a new question.
    void client.ask(view, { ...viewport, zoom: 10 });
    void client.ask(view, viewport);
    expect([...pending.keys()]).toEqual([1, 2, 3]);
    client.dataChanged();
    void client.ask(view, viewport);
    expect([...pending.keys()]).toEqual([1, 2, 3, 4]);
    await release(4);
    expect(client.answer?.requestId).toBe(4);
    // Once answered, the same question is asked again (T "now" moves on; a caller may want it fresh).
    void client.ask(view, viewport);
    expect([...pending.keys()]).toEqual([1, 2, 3, 5]);
    // An older identical question is not joined once a different one overtook it.
    void client.ask(viewAt(1), viewport);
    void client.ask(view, viewport);
    expect([...pending.keys()]).toEqual([1, 2, 3, 5, 6, 7]);
  });

  it('shows an overtaken answer to the same view in another viewport (its hotspots are current), never an older one', async () => {
    const { service, release } = controlledService();
    const client = new RiskClient(service);
    const viewport = { west: 113, south: 22, east: 114, north: 23, zoom: 9 };
    void client.ask(view, viewport);
    void client.ask(view, { ...viewport, zoom: 10 });
    void client.ask(view, { ...viewport, zoom: 11 });
    await release(2);
    expect(client.answer?.requestId).toBe(2);
    await release(1);
    expect(client.answer?.requestId).toBe(2);
    await release(3);
    expect(client.answer?.requestId).toBe(3);
    // Another view overtaking: its predecessor's answer is not shown (latest wins).
    void client.ask(viewAt(1), viewport);
    void client.ask(viewAt(2), viewport);
    await release(4);
    expect(client.answer?.requestId).toBe(3);
  });

  it('showsAnswer: the latest always, an overtaken one only when provisional and newer than the shown one', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.boolean(), (requestId, latest, shown, provisional) => {
        const reference = requestId === latest ? true : provisional ? requestId > shown : false;
        expect(showsAnswer(requestId, latest, shown, provisional)).toBe(reference);
      }),
    );
  });
});
