import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's map area. */
export default defineMessages({
  en: {
    'map.label': 'Map of the Greater Bay Area',
  },
  'zh-Hans': {
    'map.label': '大湾区地图',
  },
  'zh-Hant': {
    'map.label': '大灣區地圖',
  },
});
