import { DAY_MS, HOUR_MS, WEEK_MS } from '../risk/utc8Calendar.ts';

/** One tick of the time axis: where, and its label in UTC+8 24-hour form (the same in every language). */
export interface AxisTick {
  time: number;
  label: string;
  /** A day boundary among hour ticks (drawn stronger, labelled with the date). */
  major: boolean;
}

const UTC_PLUS_8_MS = 8 * HOUR_MS;
/** Monday 1970-01-05 00:00 UTC+8. */
const FIRST_MONDAY_MS = 4 * DAY_MS - UTC_PLUS_8_MS;

type Step = { kind: 'fixed'; ms: number; anchor: number } | { kind: 'months'; months: number };

/** Tick steps from fine to coarse; fixed steps start on UTC+8 hours, days or Mondays. */
const STEPS: Step[] = [
  ...[1, 2, 3, 6, 12].map((hours): Step => ({ kind: 'fixed', ms: hours * HOUR_MS, anchor: -UTC_PLUS_8_MS })),
  { kind: 'fixed', ms: DAY_MS, anchor: -UTC_PLUS_8_MS },
  { kind: 'fixed', ms: 2 * DAY_MS, anchor: -UTC_PLUS_8_MS },
  { kind: 'fixed', ms: WEEK_MS, anchor: FIRST_MONDAY_MS },
  { kind: 'fixed', ms: 2 * WEEK_MS, anchor: FIRST_MONDAY_MS },
  ...[1, 3, 6, 12, 24, 60, 120, 240, 600].map((months): Step => ({ kind: 'months', months })),
];

/** The ISO text of `time` in UTC+8 (`YYYY-MM-DDTHH:mm…`). */
const utc8Text = (time: number) => new Date(time + UTC_PLUS_8_MS).toISOString();

function stepMs(step: Step): number {
  return step.kind === 'fixed' ? step.ms : step.months * 30.44 * DAY_MS;
}

function label(step: Step, time: number): { label: string; major: boolean } {
  const text = utc8Text(time);
  if (step.kind === 'months') return { label: step.months >= 12 ? text.slice(0, 4) : text.slice(0, 7), major: false };
  if (step.ms >= DAY_MS) return { label: text.slice(5, 10), major: false };
  const midnight = text.slice(11, 16) === '00:00';
  return { label: midnight ? text.slice(5, 10) : text.slice(11, 16), major: midnight };
}

/**
 * Ticks for the span [start, end] drawn `width` pixels wide: the finest calendar step (hours,
 * days, Mondays, months, years, all in UTC+8) whose ticks lie at least `minSpacing` pixels apart.
 */
export function axisTicks(start: number, end: number, width: number, minSpacing: number): AxisTick[] {
  if (!(end > start) || !(width > 0)) return [];
  const pxPerMs = width / (end - start);
  const step = STEPS.find((candidate) => stepMs(candidate) * pxPerMs >= minSpacing) ?? STEPS[STEPS.length - 1];
  const times: number[] = [];
  if (step.kind === 'fixed') {
    for (let time = Math.ceil((start - step.anchor) / step.ms) * step.ms + step.anchor; time <= end; time += step.ms) times.push(time);
  } else {
    const first = new Date(start + UTC_PLUS_8_MS);
    let months = first.getUTCFullYear() * 12 + first.getUTCMonth();
    months = Math.ceil(months / step.months) * step.months;
    for (;;) {
      const time = Date.UTC(Math.floor(months / 12), months % 12, 1) - UTC_PLUS_8_MS;
      if (time > end) break;
      if (time >= start) times.push(time);
      months += step.months;
    }
  }
  return times.map((time) => ({ time, ...label(step, time) }));
}
