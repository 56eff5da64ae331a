// Noto Sans SC (Latin and simplified Chinese; split by Unicode range, so a page fetches only the
// slices it draws). Its own chunk: fonts.ts loads it after the first paint, for en and zh-Hans.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
