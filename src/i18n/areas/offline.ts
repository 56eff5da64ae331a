import { defineMessages } from '../defineMessages.ts';

/** Strings of the offline app shell: the notice that offers a new version of the board. */
export default defineMessages({
  en: {
    'offline.updateAvailable': 'A new version of the board is available.',
    'offline.updatedElsewhere': 'The board was updated in another tab.',
    'offline.reload': 'Reload',
    'offline.later': 'Later',
    'offline.noticeLabel': 'New version',
  },
  'zh-Hans': {
    'offline.updateAvailable': '态势图有新版本可用。',
    'offline.updatedElsewhere': '态势图已在另一个标签页中更新。',
    'offline.reload': '重新加载',
    'offline.later': '稍后',
    'offline.noticeLabel': '新版本',
  },
  'zh-Hant': {
    'offline.updateAvailable': '態勢圖有新版本可用。',
    'offline.updatedElsewhere': '態勢圖已在另一個分頁中更新。',
    'offline.reload': '重新載入',
    'offline.later': '稍後',
    'offline.noticeLabel': '新版本',
  },
});
