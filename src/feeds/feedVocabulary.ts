import { CATEGORY_KEYS, CATEGORY_NAMES, type CategoryKey } from '../domain/categories.ts';
import { HANDLING_CODES, type HandlingCode } from '../domain/handlingCodes.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES, type TransportMode } from '../domain/transportModes.ts';
import type { Currency } from './cnyRates.ts';
import { detached } from './detached.ts';
import { foldToken } from './foldToken.ts';

const CACHE_LIMIT = 4096;

/**
 * Builds a lookup from folded words to values, memoised on the raw text: feeds repeat a handful
 * of spellings, so after the first rows each lookup is a single Map hit without folding.
 */
function vocabulary<T>(entries: Iterable<readonly [string, T]>): (text: string) => T | null {
  const table = new Map<string, T>();
  for (const [word, value] of entries) table.set(foldToken(word), value);
  const memo = new Map<string, T | null>();
  return (text) => {
    let hit = memo.get(text);
    if (hit !== undefined) return hit;
    hit = table.get(foldToken(text)) ?? null;
    if (memo.size < CACHE_LIMIT) memo.set(detached(text), hit);
    return hit;
  };
}

/**
 * Category key for a canonical key, English label, 简体 or 繁體 name (case-, space-, `_`- and
 * `-`-insensitive), or null when unknown.
 */
export const resolveCategory: (text: string) => CategoryKey | null = vocabulary(
  CATEGORY_KEYS.flatMap((key) => {
    const names = CATEGORY_NAMES[key];
    return [
      [key, key],
      [names.en, key],
      [names.zhHans, key],
      [names.zhHant, key],
    ] as const;
  }),
);

const KIND_NAMES: Record<RecordKind, readonly string[]> = {
  seizure: ['查获', '查獲', '缉获', '緝獲'],
  clue: ['线索', '線索'],
  intelligence: ['情报', '情報'],
  inspection_hit: ['查验命中', '查驗命中'],
  alert: ['预警', '預警', '警报', '警報'],
};

/** The canonical kinds as a list for messages: `seizure, clue, …`. */
export const KIND_LIST = RECORD_KINDS.join(', ');

/** Record kind for a canonical kind or its Chinese name, or null when unknown. */
export const resolveKind: (text: string) => RecordKind | null = vocabulary(
  RECORD_KINDS.flatMap((kind) => [[kind, kind] as const, ...KIND_NAMES[kind].map((name) => [name, kind] as const)]),
);

const MODE_NAMES: Record<TransportMode, readonly string[]> = {
  sea: ['海运', '海運', '水路'],
  land: ['陆路', '陸路'],
  air: ['空运', '空運', '航空'],
  rail: ['铁路', '鐵路'],
  passenger: ['旅客', '旅检', '旅檢'],
  vehicle: ['车辆', '車輛'],
  postal: ['邮递', '郵遞', '邮政', '郵政'],
  ecommerce: ['跨境电商', '跨境電商', '电商', '電商'],
  low_altitude: ['低空'],
  ferry: ['渡轮', '渡輪', '轮渡', '輪渡'],
};

/** The canonical modes as a list for messages: `sea, land, …`. */
export const MODE_LIST = TRANSPORT_MODES.join(', ');

/** Transport mode for a canonical mode or its Chinese name, or null when unknown. */
export const resolveMode: (text: string) => TransportMode | null = vocabulary(
  TRANSPORT_MODES.flatMap((mode) => [[mode, mode] as const, ...MODE_NAMES[mode].map((name) => [name, mode] as const)]),
);

const CURRENCY_NAMES: Record<Currency, readonly string[]> = {
  CNY: ['CNY', 'RMB', '¥', '人民币', '人民幣', '元'],
  HKD: ['HKD', 'HK$', '港币', '港幣', '港元'],
  MOP: ['MOP', 'MOP$', 'pataca', 'patacas', '澳门币', '澳門幣', '澳门元', '澳門元'],
};

/** Currency for an ISO code or common name (`RMB`, `HK$`, `港币`, `澳門元`, …), or null when unknown. */
export const resolveCurrency: (text: string) => Currency | null = vocabulary(
  (Object.keys(CURRENCY_NAMES) as Currency[]).flatMap((code) => CURRENCY_NAMES[code].map((name) => [name, code] as const)),
);

/** The handling codes as a list for messages. */
export const HANDLING_LIST = `${HANDLING_CODES.join(', ')} (or 1–5)`;

/**
 * 5×5×5 handling code for `H1`…`H5` or the bare digit `1`…`5` (case-, space-, `_`- and
 * `-`-insensitive, full-width forms folded), or null when the text is not one.
 */
export const resolveHandling: (text: string) => HandlingCode | null = vocabulary(
  HANDLING_CODES.flatMap((code, index) => [[code, code] as const, [String(index + 1), code] as const]),
);
