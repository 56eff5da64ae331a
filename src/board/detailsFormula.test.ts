import { describe, expect, it } from 'vitest';
import type { DetailsAnswer, EventRow } from './BoardQuery.ts';
import { detailsFormula, formulaExample } from './detailsFormula.ts';
import { eventFields, formatCny } from './eventFields.ts';
import { sparklineBars } from './sparklineBars.ts';

const DAY_MS = 86_400_000;
const T = Date.parse('2026-11-20T12:00:00+08:00');
const weights: DetailsAnswer['weights'] = {
  category: { narcotics: 1, tobacco: 2, strategic_minerals: 1, endangered_species: 1, counterfeit: 1, currency: 1, firearms: 1, food_safety: 1, alien_species: 1, smuggled_goods: 1, other: 1 },
  reliability: { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 },
  credibility: { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 },
  halfLifeDays: 7,
  windowDays: 30,
};

function event(overrides: Partial<EventRow>): EventRow {
  return {
    source: 'GD',
    id: 'A-1',
    time: T - 3.5 * DAY_MS,
    category: 'tobacco',
    kind: 'seizure',
    severity: 4,
    grading: 'B2',
    mode: 'land',
    valueCny: 1_250_000,
    site: 'lo_wu_control_point',
    channel: null,
    weight: 2 * 0.8 * 0.8 * 0.8 * 2 ** -0.5,
    description: '=cmd',
    links: [],
    lon: 114.11,
    lat: 22.53,
    ...overrides,
  };
}

function details(events: EventRow[], overrides: Partial<DetailsAnswer> = {}): DetailsAnswer {
  const score = events.reduce((sum, row) => sum + row.weight, 0);
  return {
    requestId: 1,
    cancelled: false,
    found: true,
    time: T,
    score,
    count: events.length,
    trend: { now: score, previous: 0.5, ratio: score / 0.5 },
    breakdown: { byCategory: { tobacco: 1 }, bySource: { GD: 1 }, byKind: { seizure: 1 } },
    sparkline: { start: Date.parse('2026-09-21T00:00:00+08:00'), dayMs: DAY_MS, values: new Float64Array(61) },
    events,
    totalEvents: events.length,
    lon: 114.11,
    lat: 22.53,
    nearestSite: null,
    weights,
    ...overrides,
  };
}

describe('detailsFormula', () => {
  it('writes the formula with the weights in force and works out the heaviest event with its own numbers', () => {
    const heavy = event({});
    const light = event({ id: 'A-2', weight: 0.1 });
    const formula = detailsFormula(details([heavy, light]), formulaExample([heavy, light], { key: 'weight', descending: true }, 0, false), 'en', false);
    expect(formula.formula).toBe('w = category weight × severity/5 × reliability × credibility × 2^(−age / 7 d)');
    expect(formula.window).toBe('An event counts when T − 30 d ≤ t ≤ T; T = 2026-11-20 12:00 UTC+8.');
    expect(formula.score).toBe('Score = the sum of w over its 2 counted events = 0.8241.');
    expect(formula.categories).toBe('Category weights: Tobacco 2; 1 for the others');
    expect(formula.reliability).toBe('Reliability: A 1 · B 0.8 · C 0.6 · D 0.4 · E 0.2 · F 0.5');
    expect(formula.example).toEqual({ intro: 'Heaviest event, GD · A-1:', worked: '2 × 4/5 × 0.8 (B) × 0.8 (2) × 2^(−3.5 d / 7 d) = 0.7241', outside: null });
  });

  it('says when the example is only the heaviest of the page, and when an event does not count', () => {
    const rows = [event({ id: 'late', weight: 0.2 }), event({ id: 'heavy', weight: 0.5 })];
    expect(formulaExample(rows, { key: 'time', descending: true }, 0, false)).toEqual({ event: rows[1], role: 'page' });
    expect(formulaExample(rows, { key: 'weight', descending: true }, 2, false)?.role).toBe('page');
    const outside = event({ grading: null, weight: 0, time: T - 40 * DAY_MS });
    const formula = detailsFormula(details([outside]), formulaExample([outside], { key: 'weight', descending: true }, 0, true), 'zh-Hant', true);
    expect(formula.score).toBeNull();
    expect(formula.example?.intro).toBe('此事件：');
    expect(formula.example?.worked).toContain('0.5（F, 未評級，按 F6 計分）');
    expect(formula.example?.outside).toBe('此事件在 T 時不計入（在窗口或篩選之外），權重為 0。');
  });
});

describe('sparklineBars', () => {
  it('scales days to the highest, marks the window at T, and says the sums and the peak in words', () => {
    const values = new Float64Array(61);
    values[10] = 0.5;
    values[45] = 2;
    values[60] = 1;
    const model = sparklineBars(details([], { sparkline: { start: Date.parse('2026-09-21T00:00:00+08:00'), dayMs: DAY_MS, values }, trend: { now: 3, previous: 0.5, ratio: 6 } }), 'en');
    expect(model.bars).toHaveLength(61);
    expect(model.windowStart).toBe(30);
    expect(model.bars[45]).toEqual({ index: 45, date: '2026-11-05', value: 2, height: 1, inWindow: true });
    expect(model.bars[10]).toMatchObject({ height: 0.25, inWindow: false });
    expect(model.firstDate).toBe('2026-09-21');
    expect(model.lastDate).toBe('2026-11-20');
    expect(model.summary).toBe('Per day over this window and the one before: this window adds up to 3, the window before to 0.5; the highest day is 2026-11-05 with 2.');
    expect(sparklineBars(details([]), 'en').summary).toBe('No day adds anything in either window.');
  });
});

describe('eventFields', () => {
  it('lists every field of the record as text, in the language, with 24-hour UTC+8 time and CNY', () => {
    const fields = eventFields(event({ time: Date.parse('2026-11-20T21:05:09+08:00'), channel: 'no-such-channel' }), 'en');
    expect(Object.fromEntries(fields.map((field) => [field.key, field.value]))).toEqual({
      source: 'GD',
      id: 'A-1',
      time: '2026-11-20 21:05:09',
      category: 'Tobacco',
      kind: 'Seizure',
      severity: '4/5',
      grading: 'B2',
      mode: 'Land',
      site: 'Lo Wu Control Point (lo_wu_control_point)',
      channel: 'no-such-channel',
      value: '¥1,250,000',
      position: '22.53000, 114.11000',
      weight: '0.7241',
    });
    expect(formatCny(12.5, 'zh-Hans')).toBe('¥12.5');
  });
});
