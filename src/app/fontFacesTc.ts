// Noto Sans TC (Latin and traditional Chinese; split by Unicode range). Its own chunk: fonts.ts
// loads it after the first paint for zh-Hant, and for the other languages once the board is idle.
import '@fontsource/noto-sans-tc/400.css';
import '@fontsource/noto-sans-tc/700.css';
