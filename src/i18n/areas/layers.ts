import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's layers area. */
export default defineMessages({
  en: {
    'layers.title': 'Layers',
  },
  'zh-Hans': {
    'layers.title': '图层',
  },
  'zh-Hant': {
    'layers.title': '圖層',
  },
});
