import type { Locale } from './locales.ts';

/**
 * English UI strings: the reference catalog. Every other catalog must have exactly these keys
 * (a unit test enforces it). `{name}` placeholders are filled by `formatMessage`.
 */
const en = {
  'app.title': 'Tidegate',
  'app.subtitle': 'GBA customs risk board',
  'app.loading': 'Loading the board…',
  'demo.badge': 'SYNTHETIC DEMO DATA',
  'demo.explain': 'Every event shown is synthetic demo data, generated in this browser. Import a feed to replace it.',
  'clock.label': 'Hong Kong / Macao / Beijing time (UTC+8)',
  'clock.zone': 'UTC+8',
  'theme.label': 'Theme',
  'theme.dark': 'Dark',
  'theme.light': 'Light',
  'language.label': 'Language',
  'panel.overview': 'Overview',
  'panel.events': 'Events',
  'panel.sites': 'Sites',
  'panel.channels': 'Channels',
  'panel.eventCount': '{count} events in the last {days} days',
  'panel.dataRange': 'From {from} to {to}',
  'legend.title': 'Legend',
  'legend.sea': 'Sea port',
  'legend.land': 'Land crossing',
  'legend.air': 'Airport',
  'legend.rail': 'Rail',
  'legend.ferry': 'Ferry terminal',
  'legend.estimated': 'Position estimated (no coordinate source)',
  'legend.closed': 'Closed or suspended',
  'legend.boundary': 'Boundary (Mainland / Hong Kong / Macao)',
  'legend.firstLine': 'Hengqin first line',
  'legend.secondLine': 'Hengqin second line',
  'legend.channel': 'Cross-border channel',
  'legend.event': 'Risk event',
  'site.estimated': 'estimated position',
  'site.closed': 'closed',
  'site.suspended': 'suspended',
  'timeline.label': 'Timeline',
  'timeline.placeholder': 'Events per day',
  'map.attribution': 'Land: OpenStreetMap contributors (via @geo-maps). Sites: public sources, see README.',
  'error.worker': 'The data worker failed: {message}',
  'error.webgl': 'This browser cannot draw the map (WebGL unavailable).',
} as const;

/** A key of the message catalogs. */
export type MessageKey = keyof typeof en;

/** A catalog: one string per key. */
export type MessageCatalog = Record<MessageKey, string>;

const zhHans: MessageCatalog = {
  'app.title': '潮闸 Tidegate',
  'app.subtitle': '大湾区海关风险态势图',
  'app.loading': '正在加载态势图…',
  'demo.badge': '合成演示数据',
  'demo.explain': '图上所有事件均为本浏览器生成的合成演示数据。导入数据源后将被替换。',
  'clock.label': '香港 / 澳门 / 北京时间（UTC+8）',
  'clock.zone': 'UTC+8',
  'theme.label': '主题',
  'theme.dark': '深色',
  'theme.light': '浅色',
  'language.label': '语言',
  'panel.overview': '概览',
  'panel.events': '事件',
  'panel.sites': '口岸',
  'panel.channels': '通道',
  'panel.eventCount': '最近 {days} 天共 {count} 宗事件',
  'panel.dataRange': '{from} 至 {to}',
  'legend.title': '图例',
  'legend.sea': '海港',
  'legend.land': '陆路口岸',
  'legend.air': '机场',
  'legend.rail': '铁路',
  'legend.ferry': '客运码头',
  'legend.estimated': '位置为估算（无坐标来源）',
  'legend.closed': '已关闭或暂停',
  'legend.boundary': '边界（内地 / 香港 / 澳门）',
  'legend.firstLine': '横琴“一线”',
  'legend.secondLine': '横琴“二线”',
  'legend.channel': '跨境通道',
  'legend.event': '风险事件',
  'site.estimated': '估算位置',
  'site.closed': '已关闭',
  'site.suspended': '暂停',
  'timeline.label': '时间轴',
  'timeline.placeholder': '每日事件数',
  'map.attribution': '陆地：OpenStreetMap 贡献者（经 @geo-maps）。口岸：公开来源，见 README。',
  'error.worker': '数据线程出错：{message}',
  'error.webgl': '此浏览器无法绘制地图（WebGL 不可用）。',
};

const zhHant: MessageCatalog = {
  'app.title': '潮閘 Tidegate',
  'app.subtitle': '大灣區海關風險態勢圖',
  'app.loading': '正在載入態勢圖…',
  'demo.badge': '合成示範數據',
  'demo.explain': '圖上所有事件均為本瀏覽器產生的合成示範數據。匯入數據源後將被取代。',
  'clock.label': '香港 / 澳門 / 北京時間（UTC+8）',
  'clock.zone': 'UTC+8',
  'theme.label': '主題',
  'theme.dark': '深色',
  'theme.light': '淺色',
  'language.label': '語言',
  'panel.overview': '概覽',
  'panel.events': '事件',
  'panel.sites': '口岸',
  'panel.channels': '通道',
  'panel.eventCount': '最近 {days} 天共 {count} 宗事件',
  'panel.dataRange': '{from} 至 {to}',
  'legend.title': '圖例',
  'legend.sea': '海港',
  'legend.land': '陸路口岸',
  'legend.air': '機場',
  'legend.rail': '鐵路',
  'legend.ferry': '客運碼頭',
  'legend.estimated': '位置為估算（無坐標來源）',
  'legend.closed': '已關閉或暫停',
  'legend.boundary': '邊界（內地 / 香港 / 澳門）',
  'legend.firstLine': '橫琴「一線」',
  'legend.secondLine': '橫琴「二線」',
  'legend.channel': '跨境通道',
  'legend.event': '風險事件',
  'site.estimated': '估算位置',
  'site.closed': '已關閉',
  'site.suspended': '暫停',
  'timeline.label': '時間軸',
  'timeline.placeholder': '每日事件數',
  'map.attribution': '陸地：OpenStreetMap 貢獻者（經 @geo-maps）。口岸：公開來源，見 README。',
  'error.worker': '數據線程出錯：{message}',
  'error.webgl': '此瀏覽器無法繪製地圖（WebGL 不可用）。',
};

/** Every catalog, by locale. */
export const MESSAGES: Record<Locale, MessageCatalog> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** Looks up `key` in `locale` and fills `{name}` placeholders from `values`. */
export function formatMessage(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template = MESSAGES[locale][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
