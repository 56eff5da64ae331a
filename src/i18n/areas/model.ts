import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's model area. */
export default defineMessages({
  en: {
    'model.title': 'Model settings',
  },
  'zh-Hans': {
    'model.title': '模型设置',
  },
  'zh-Hant': {
    'model.title': '模型設定',
  },
});
