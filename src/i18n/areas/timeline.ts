import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's timeline area. */
export default defineMessages({
  en: {},
  'zh-Hans': {},
  'zh-Hant': {},
});
