import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's details area. */
export default defineMessages({
  en: {
    'details.title': 'Details',
  },
  'zh-Hans': {
    'details.title': '详情',
  },
  'zh-Hant': {
    'details.title': '詳情',
  },
});
