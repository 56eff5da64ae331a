/** Canonical risk categories of the feed contract (docs/feed-format.md), in code order. */
export const CATEGORY_KEYS = [
  'narcotics',
  'tobacco',
  'strategic_minerals',
  'endangered_species',
  'counterfeit',
  'currency',
  'firearms',
  'food_safety',
  'alien_species',
  'smuggled_goods',
  'other',
] as const;

/** A canonical category key. */
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** Display names of a category in the three scripts the board speaks. */
export interface CategoryNames {
  en: string;
  zhHans: string;
  zhHant: string;
}

/** Names of every category; the feed contract accepts any of these as a category value. */
export const CATEGORY_NAMES: Record<CategoryKey, CategoryNames> = {
  narcotics: { en: 'Narcotics', zhHans: '毒品', zhHant: '毒品' },
  tobacco: { en: 'Tobacco', zhHans: '香烟', zhHant: '香煙' },
  strategic_minerals: { en: 'Strategic Minerals', zhHans: '战略矿产', zhHant: '戰略礦產' },
  endangered_species: { en: 'Endangered Species', zhHans: '濒危物种', zhHant: '瀕危物種' },
  counterfeit: { en: 'Counterfeit', zhHans: '侵权商品', zhHant: '侵權商品' },
  currency: { en: 'Currency', zhHans: '货币', zhHant: '貨幣' },
  firearms: { en: 'Firearms', zhHans: '枪支弹药', zhHant: '槍支彈藥' },
  food_safety: { en: 'Food Safety', zhHans: '食品安全', zhHant: '食品安全' },
  alien_species: { en: 'Alien Species', zhHans: '外来物种', zhHant: '外來物種' },
  smuggled_goods: { en: 'Smuggled Goods', zhHans: '走私货物', zhHant: '走私貨物' },
  other: { en: 'Other', zhHans: '其他', zhHant: '其他' },
};

/** Numeric code of each category, as stored in Uint8 columns (index into CATEGORY_KEYS). */
export const CATEGORY_CODE: Record<CategoryKey, number> = Object.fromEntries(
  CATEGORY_KEYS.map((key, code) => [key, code]),
) as Record<CategoryKey, number>;
