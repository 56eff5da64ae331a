import type { EventRow } from '../../board/BoardQuery.ts';

/**
 * Records behind event points, asked of the board worker by table row once per answer (rows are
 * renumbered when the data reloads, so a new answer starts afresh).
 */
export class EventRecords {
  private answerId: number | null = null;
  private readonly records = new Map<number, Promise<EventRow | null>>();

  constructor(private readonly describe: (row: number) => Promise<EventRow | null>) {}

  /** The record of `row` under answer `answerId` (asked once; later calls share the answer). */
  get(answerId: number, row: number): Promise<EventRow | null> {
    if (answerId !== this.answerId) {
      this.answerId = answerId;
      this.records.clear();
    }
    let record = this.records.get(row);
    if (record === undefined) {
      record = this.describe(row).catch(() => null);
      this.records.set(row, record);
    }
    return record;
  }
}
