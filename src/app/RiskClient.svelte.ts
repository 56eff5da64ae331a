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
 * Whether an answer that just arrived is shown: the answer to the latest question always; while
 * the user drags (an interactive answer), also one overtaken by newer questions if it is newer
 * than the answer on screen — otherwise a drag that asks faster than the worker answers would
 * show nothing until it stops. An answer older than the one shown never replaces it.
 */
export function showsAnswer(requestId: number, latestRequestId: number, shownRequestId: number, interactive: boolean): boolean {
  return requestId === latestRequestId || (interactive && requestId > shownRequestId);
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

  constructor(private readonly service: RiskService) {}

  /** Asks for the answer to `view`; resolves when it (or a newer one) has arrived. */
  async ask(view: ViewState, viewport: Viewport | null, options: AskOptions = {}): Promise<void> {
    const requestId = ++this.requestId;
    this.busy = true;
    const sentAt = performance.now();
    try {
      const answer = await this.service.boardQuery(boardQueryOf(view, requestId, viewport, options));
      if (answer.cancelled || !showsAnswer(requestId, this.requestId, this.shownRequestId, answer.interactive)) return;
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
