import type { BoardAnswer, BoardQuery, DetailsAnswer, DetailsQuery, EventSortKey, PlaybackAnswer, Viewport } from '../board/BoardQuery.ts';
import { withInteractiveAnswer } from '../board/withInteractiveAnswer.ts';
import { riskFiltersOf, riskParamsOf } from '../view/riskQueryOf.ts';
import type { Selection, ViewState } from '../view/ViewState.ts';

/** What the risk client needs of the board worker. */
export interface RiskService {
  boardQuery(query: BoardQuery): Promise<BoardAnswer>;
  details(query: DetailsQuery): Promise<DetailsAnswer>;
  step(query: BoardQuery): Promise<PlaybackAnswer>;
}

/** Sorting and paging of the details drawer's event table. */
export interface DetailsPaging {
  sort: { key: EventSortKey; descending: boolean };
  page: number;
  pageSize: number;
}

/** How to ask: `interactive` asks the lighter answer while the user drags (BoardQuery.interactive). */
export interface AskOptions {
  interactive?: boolean;
}

/** The BoardQuery a view asks (T null: the data's default instant). */
export function boardQueryOf(view: ViewState, requestId: number, viewport: Viewport | null, options: AskOptions = {}): BoardQuery {
  const { time: _time, ...params } = riskParamsOf(view.model, 0);
  return {
    requestId,
    params: { ...params, time: view.model.at },
    filters: riskFiltersOf(view.filters),
    selection: view.selection,
    viewport,
    detailCount: 25,
    ...(options.interactive ? { interactive: true } : {}),
  };
}

/**
 * Whether an answer that just arrived is shown: the answer to the latest question always. An
 * answer overtaken by newer questions is shown only when it is *provisional* — it answers a drag
 * (an interactive answer: a drag that asks faster than the worker answers would otherwise show
 * nothing until it stops), or the same question in another viewport (its hotspots are the latest
 * question's; only the events in view follow) — and newer than the answer on screen. An answer
 * older than the one shown never replaces it.
 */
export function showsAnswer(requestId: number, latestRequestId: number, shownRequestId: number, provisional: boolean): boolean {
  return requestId === latestRequestId || (provisional && requestId > shownRequestId);
}

/**
 * Asks the board worker for the answer to the current view, latest wins: a query overtaken by a
 * newer one before its answer arrives is dropped here (the worker drops it too if it has not
 * started). Holds the answer on screen (an interactive one over the places, alerts and links of the
 * one before: withInteractiveAnswer) and the details of the selection.
 */
export class RiskClient {
  answer: BoardAnswer | null = $state.raw(null);
  details: DetailsAnswer | null = $state.raw(null);
  /** A query is on its way (the shown answer may be a step behind). */
  busy = $state(false);
  error: string | null = $state(null);
  /** Wall-clock ms from the last query's send to its answer's arrival (for the status line). */
  lastRoundTripMs = $state(0);
  private requestId = 0;
  private shownRequestId = 0;
  private detailsId = 0;
  /** Counts the loads sent to the worker: the same view asked after a load is a new question. */
  private dataGeneration = 0;
  /** The latest question while its answer is on its way, to join an identical one rather than ask twice. */
  private inFlight: { requestId: number; key: string; answered: Promise<void> } | null = null;
  /** What the latest question asks, its viewport aside. */
  private latestSubject = '';

  constructor(private readonly service: RiskService) {}

  /**
   * Marks the worker's events as changing (a load was sent): the next ask is a new question even
   * for the same view, and is not joined to one sent before.
   */
  dataChanged(): void {
    this.dataGeneration++;
  }

  /**
   * Asks for the answer to `view`; resolves when it (or a newer one) has arrived. Asking again
   * exactly what the latest question in flight asks (the same view, viewport and data) joins it:
   * a second question would only overtake the first and throw its answer away.
   */
  ask(view: ViewState, viewport: Viewport | null, options: AskOptions = {}): Promise<void> {
    const query = boardQueryOf(view, 0, viewport, options);
    const subject = JSON.stringify([this.dataGeneration, { ...query, viewport: null }]);
    const key = JSON.stringify([subject, viewport]);
    if (this.inFlight !== null && this.inFlight.requestId === this.requestId && this.inFlight.key === key) return this.inFlight.answered;
    const requestId = ++this.requestId;
    this.latestSubject = subject;
    const answered = this.send(requestId, subject, { ...query, requestId });
    this.inFlight = { requestId, key, answered };
    void answered.then(() => this.inFlight?.requestId === requestId && (this.inFlight = null));
    return answered;
  }

  private async send(requestId: number, subject: string, query: BoardQuery): Promise<void> {
    this.busy = true;
    const sentAt = performance.now();
    try {
      const answer = await this.service.boardQuery(query);
      const provisional = answer.interactive || subject === this.latestSubject;
      if (answer.cancelled || !showsAnswer(requestId, this.requestId, this.shownRequestId, provisional)) return;
      this.answer = withInteractiveAnswer(this.answer, answer);
      this.shownRequestId = requestId;
      this.error = null;
      this.lastRoundTripMs = performance.now() - sentAt;
    } catch (error) {
      if (requestId === this.requestId) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (requestId === this.requestId) this.busy = false;
    }
  }

  /** Playback: the hotspots at the query's T from the worker's incremental stepper (the caller keeps one step in flight). */
  step(query: BoardQuery): Promise<PlaybackAnswer> {
    return this.service.step(query);
  }

  /** Asks why `selection` scores what it does, and which events make it. */
  async askDetails(view: ViewState, selection: Selection | null, paging: DetailsPaging): Promise<void> {
    const requestId = ++this.detailsId;
    if (selection === null) {
      this.details = null;
      return;
    }
    const { time: _time, ...params } = riskParamsOf(view.model, 0);
    const answer = await this.service.details({
      requestId,
      selection,
      params: { ...params, time: view.model.at },
      filters: riskFiltersOf(view.filters),
      ...paging,
    });
    if (answer.cancelled || requestId !== this.detailsId) return;
    this.details = answer;
  }

  /**
   * One page of `selection`'s details for an export, kept out of `details`. It is asked under the
   * id of the drawer's latest question, so it neither cancels that question nor is cancelled by it
   * (the worker answers only its latest id); it comes back `cancelled` when a newer one overtook it.
   */
  exportDetails(view: ViewState, selection: Selection, paging: DetailsPaging): Promise<DetailsAnswer> {
    const { time: _time, ...params } = riskParamsOf(view.model, 0);
    return this.service.details({ requestId: this.detailsId, selection, params: { ...params, time: view.model.at }, filters: riskFiltersOf(view.filters), ...paging });
  }
}
