import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's filters area. */
export default defineMessages({
  en: {
    'filters.title': 'Filters',
  },
  'zh-Hans': {
    'filters.title': '筛选',
  },
  'zh-Hant': {
    'filters.title': '篩選',
  },
});
