/**
 * Traditional → Simplified Chinese, for exactly the characters that occur in the reference
 * geography's names. Deliberately not a general converter: a name with a character missing
 * here stays as it is, and the unit tests catch that.
 */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  內: '内',
  區: '区',
  啟: '启',
  國: '国',
  圍: '围',
  園: '园',
  場: '场',
  寶: '宝',
  島: '岛',
  崗: '岗',
  廣: '广',
  慶: '庆',
  東: '东',
  樓: '楼',
  橋: '桥',
  機: '机',
  橫: '横',
  檢: '检',
  櫃: '柜',
  欄: '栏',
  灣: '湾',
  碼: '码',
  粵: '粤',
  線: '线',
  羅: '罗',
  蓮: '莲',
  號: '号',
  貨: '货',
  輪: '轮',
  運: '运',
  邊: '边',
  郵: '邮',
  錦: '锦',
  鐵: '铁',
  門: '门',
  閘: '闸',
  關: '关',
  陸: '陆',
  際: '际',
  雲: '云',
  頭: '头',
  馬: '马',
  鹽: '盐',
  黃: '黄',
  龍: '龙',
};

/** Replaces every character found in TRADITIONAL_TO_SIMPLIFIED; leaves all others unchanged. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch;
  return out;
}
