import { foldToken } from './foldToken.ts';
import { CANONICAL_FIELDS, type CanonicalField } from './rowSlots.ts';

/**
 * Accepted column / property names per canonical field, in folded form (see foldToken: lower
 * case, without spaces, `_` or `-`). The canonical name itself is always accepted. `x`/`y` are resolved per row: degrees for a geographic CRS, grid metres for a
 * grid CRS.
 */
export const FIELD_ALIASES: Record<CanonicalField, readonly string[]> = {
  id: ['id', 'eventid', 'recordid', 'ref', 'reference', '编号', '編號'],
  source: ['source', 'agency', '来源', '來源'],
  time: ['time', 'datetime', 'timestamp', 'ts', 'eventtime', '时间', '時間'],
  lon: ['lon', 'longitude', 'lng', 'long', '经度', '經度'],
  lat: ['lat', 'latitude', '纬度', '緯度'],
  x: ['x'],
  y: ['y'],
  easting: ['easting', 'e'],
  northing: ['northing', 'n'],
  crs: ['crs', 'coordinatesystem', 'srs', '坐标系', '坐標系'],
  category: ['category', 'type', '类别', '類別'],
  kind: ['kind', 'recordtype'],
  severity: ['severity', '严重程度', '嚴重程度'],
  grading: ['grading', 'admiralty', 'admiraltycode', '评级', '評級'],
  value: ['value', 'amount', '金额', '金額'],
  currency: ['currency', '币种', '幣種'],
  mode: ['mode', 'transportmode', '方式', '运输方式', '運輸方式'],
  site: ['site', 'port', 'controlpoint', '口岸'],
  channel: ['channel', '通道'],
  links: ['links', 'related', '关联', '關聯'],
  description: ['description', 'title', 'remarks', '描述', '備註', '备注', '說明', '说明'],
  updated: ['updated', 'version', 'updatedat', '更新时间', '更新時間'],
  handling: ['handling', 'handlingcode', '处理代码', '處理代碼', '处置代码', '處置代碼'],
};

const BY_NAME = new Map<string, CanonicalField>();
for (const field of CANONICAL_FIELDS) {
  for (const alias of FIELD_ALIASES[field]) BY_NAME.set(alias, field);
}

/** The canonical field a column / property name stands for, or null when it is not part of the contract. */
export function resolveFieldName(name: string): CanonicalField | null {
  return BY_NAME.get(foldToken(name)) ?? null;
}
