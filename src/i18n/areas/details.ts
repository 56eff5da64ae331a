import { defineMessages } from '../defineMessages.ts';

/** Strings of the board's details area. */
export default defineMessages({
  en: {},
  'zh-Hans': {},
  'zh-Hant': {},
});
