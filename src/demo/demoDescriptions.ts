import type { CategoryKey } from '../domain/categories.ts';
import type { TransportMode } from '../domain/transportModes.ts';

/** Scripts demo descriptions are written in. */
export type DemoLanguage = 'en' | 'zhHans' | 'zhHant';

/** The setting a description fits: a traveller, a vehicle, a cargo consignment or a parcel. */
export type DescriptionContext = 'person' | 'vehicle' | 'cargo' | 'parcel';

/** Setting of each record transport mode, so a parcel is not described as hand luggage. */
export const DESCRIPTION_CONTEXT_OF_MODE: Readonly<Record<TransportMode, DescriptionContext>> = {
  passenger: 'person',
  rail: 'person',
  low_altitude: 'person',
  ferry: 'person',
  vehicle: 'vehicle',
  land: 'vehicle',
  sea: 'cargo',
  air: 'cargo',
  postal: 'parcel',
  ecommerce: 'parcel',
};

/**
 * One description pattern: plain text (never markup) with at most one `{n}`, replaced by an
 * integer drawn uniformly from [min, max] (ignored without `{n}`), and the settings it fits
 * (any, when omitted).
 */
export type DescriptionTemplate = readonly [
  text: string,
  min: number,
  max: number,
  contexts?: readonly DescriptionContext[],
];

/** Patterns for one subject in each script. */
export type DescriptionSet = Readonly<Record<DemoLanguage, readonly DescriptionTemplate[]>>;

const PERSON: readonly DescriptionContext[] = ['person'];
const VEHICLE: readonly DescriptionContext[] = ['vehicle'];
const CARGO: readonly DescriptionContext[] = ['cargo'];
const PARCEL: readonly DescriptionContext[] = ['parcel'];
const GOODS: readonly DescriptionContext[] = ['cargo', 'vehicle'];
const SHIPMENT: readonly DescriptionContext[] = ['cargo', 'parcel'];

/**
 * Short, plausible case descriptions per category, in the style of customs press releases, each
 * tagged with the settings it fits. Some contain commas and double quotes on purpose, so CSV
 * writers and readers get exercised.
 */
export const DEMO_DESCRIPTIONS: Readonly<Record<CategoryKey, DescriptionSet>> = {
  narcotics: {
    en: [
      ['Passenger found with {n} g of cocaine concealed in suitcase lining', 200, 4000, PERSON],
      ['{n} g of methamphetamine hidden in tea packaging', 100, 5000],
      ['Cannabis buds, {n} g, in parcel declared as "dried flowers"', 50, 2000, PARCEL],
      ['Ketamine, {n} g, concealed inside a loudspeaker', 300, 3000],
      ['Suspected internal concealment, {n} pellets of heroin recovered', 20, 90, PERSON],
      ['{n} g of cocaine in a false compartment of a cross-boundary lorry', 200, 9000, VEHICLE],
      ['Liquid cocaine, {n} kg, in a declared consignment of fruit juice', 5, 80, CARGO],
    ],
    zhHans: [
      ['旅客行李夹藏毒品{n}克', 100, 3000, PERSON],
      ['快件内藏大麻{n}克，申报为"干花"', 50, 2000, PARCEL],
      ['货物中查获冰毒{n}克', 200, 8000, GOODS],
      ['人体藏毒，排出毒品胶囊{n}粒', 20, 90, PERSON],
      ['茶叶包装内藏氯胺酮{n}克', 300, 3000],
      ['跨境货车暗格藏匿可卡因{n}克', 200, 9000, VEHICLE],
    ],
    zhHant: [
      ['旅客行李夾藏毒品{n}克', 100, 3000, PERSON],
      ['郵包內藏大麻{n}克，申報為「乾花」', 50, 2000, PARCEL],
      ['空運貨物中檢獲可卡因{n}克', 500, 6000, CARGO],
      ['懷疑人體藏毒，排出毒品膠囊{n}粒', 20, 90, PERSON],
      ['跨境貨車暗格藏可卡因{n}克', 200, 9000, VEHICLE],
    ],
  },
  tobacco: {
    en: [
      ['{n} cartons of duty-not-paid cigarettes in vehicle spare tyre', 5, 120, VEHICLE],
      ['Cigarettes, {n} sticks, strapped to body under clothing', 200, 2000, PERSON],
      ['Parallel trader carrying {n} sticks of cigarettes', 400, 4000, PERSON],
      ['{n} e-cigarette cartridges in hand luggage', 50, 900, PERSON],
      ['Heated tobacco sticks, {n} packs, in goods vehicle', 100, 3000, VEHICLE],
      ['{n} cartons of cigarettes in a container declared as furniture', 500, 20000, CARGO],
      ['E-cigarette cartridges, {n} units, in parcels declared as phone cases', 50, 2000, PARCEL],
    ],
    zhHans: [
      ['车辆备胎内藏匿香烟{n}条', 5, 120, VEHICLE],
      ['水客绑身携带香烟{n}支', 200, 2000, PERSON],
      ['旅客未申报携带香烟{n}条', 3, 40, PERSON],
      ['电子烟烟弹{n}个夹藏于行李', 50, 900, PERSON],
      ['伪报为家具的集装箱内藏香烟{n}条', 500, 20000, CARGO],
      ['快件申报为手机壳，实为电子烟烟弹{n}个', 50, 2000, PARCEL],
    ],
    zhHant: [
      ['車輛後備輪胎內收藏私煙{n}條', 5, 120, VEHICLE],
      ['水貨客綁身攜帶私煙{n}支', 200, 2000, PERSON],
      ['旅客未申報攜帶私煙{n}條', 3, 40, PERSON],
      ['貨車夾藏加熱煙{n}包', 100, 3000, VEHICLE],
      ['申報為傢俬的貨櫃內藏私煙{n}條', 500, 20000, CARGO],
      ['郵包申報為手機殼，實為電子煙煙彈{n}個', 50, 2000, PARCEL],
    ],
  },
  strategic_minerals: {
    en: [
      ['Container declared as scrap metal, {n} t of antimony ore found', 5, 60, GOODS],
      ['Suspected gallium ingots, {n} kg, misdeclared as aluminium', 50, 900],
      ['Rare-earth concentrate, {n} t, in export container', 3, 40, GOODS],
      ['Graphite, {n} t, exported without licence', 10, 200, GOODS],
      ['Tungsten concentrate mixed into slag, {n} t', 2, 30, GOODS],
      ['Passenger carrying {n} kg of gallium in checked baggage', 1, 30, PERSON],
      ['Germanium wafers, {n} pieces, in parcel declared as glass', 20, 500, PARCEL],
    ],
    zhHans: [
      ['出口集装箱瞒报锑矿砂{n}吨', 5, 60, GOODS],
      ['伪报为铝锭的镓锭{n}千克', 50, 900],
      ['稀土精矿{n}吨伪报出口', 3, 40, GOODS],
      ['未取得许可证出口石墨{n}吨', 10, 200, GOODS],
      ['钨精矿夹藏于矿渣中{n}吨', 2, 30, GOODS],
      ['旅客行李夹带镓锭{n}千克', 1, 30, PERSON],
      ['快件申报为玻璃片，实为锗片{n}片', 20, 500, PARCEL],
    ],
    zhHant: [
      ['出口貨櫃瞞報銻礦砂{n}噸', 5, 60, GOODS],
      ['偽報為鋁錠的鎵錠{n}公斤', 50, 900],
      ['稀土精礦{n}噸偽報出口', 3, 40, GOODS],
      ['旅客行李夾帶鎵錠{n}公斤', 1, 30, PERSON],
    ],
  },
  endangered_species: {
    en: [
      ['{n} kg of pangolin scales in container of frozen fish', 20, 900, CARGO],
      ['Agarwood, {n} kg, without CITES permit', 5, 300],
      ['Dried shark fins, {n} kg, undeclared', 10, 800],
      ['{n} live turtles in checked baggage', 5, 120, PERSON],
      ['Ivory carvings, {n} pieces, in luggage', 2, 60, PERSON],
    ],
    zhHans: [
      ['冷冻鱼货柜中查获穿山甲鳞片{n}千克', 20, 900, CARGO],
      ['无CITES证明书的沉香{n}千克', 5, 300],
      ['行李中藏有活体龟{n}只', 5, 120, PERSON],
      ['旅客携带象牙制品{n}件', 2, 60, PERSON],
    ],
    zhHant: [
      ['貨櫃內檢獲穿山甲鱗片{n}公斤', 20, 900, CARGO],
      ['無許可證沉香{n}公斤', 5, 300],
      ['寄艙行李內藏活龜{n}隻', 5, 120, PERSON],
      ['旅客攜帶象牙製品{n}件', 2, 60, PERSON],
    ],
  },
  counterfeit: {
    en: [
      ['{n} counterfeit handbags in consolidated cargo', 20, 900, GOODS],
      ['Fake branded watches, {n} pieces, in courier parcel', 5, 300, PARCEL],
      ['Infringing phone accessories, {n} units', 100, 5000],
      ['Counterfeit cosmetics, {n} bottles, labelled "samples"', 20, 600],
    ],
    zhHans: [
      ['集装箱内侵权箱包{n}个', 20, 900, GOODS],
      ['快件中查获假冒名牌手表{n}块', 5, 300, PARCEL],
      ['侵权手机配件{n}件', 100, 5000],
      ['假冒化妆品{n}瓶，标注为"样品"', 20, 600],
    ],
    zhHant: [
      ['貨櫃內檢獲冒牌手袋{n}個', 20, 900, GOODS],
      ['速遞郵包內冒牌手錶{n}隻', 5, 300, PARCEL],
      ['侵權手機配件{n}件', 100, 5000],
    ],
  },
  currency: {
    en: [
      ['Traveller carrying cash above the reporting threshold, undeclared', 0, 0, PERSON],
      ['{n} bundles of banknotes concealed in shoe soles', 2, 30, PERSON],
      ['Suspected cash courier, {n} crossings this month', 4, 40, PERSON],
      ['Undeclared banknotes in backpack, several currencies', 0, 0, PERSON],
      ['Banknotes hidden in the dashboard of a cross-boundary car', 0, 0, VEHICLE],
      ['Cash concealed in a consignment of used clothing', 0, 0, SHIPMENT],
    ],
    zhHans: [
      ['旅客未申报携带大额现钞', 0, 0, PERSON],
      ['鞋底夹藏现钞{n}扎', 2, 30, PERSON],
      ['疑似现钞走私，本月往返{n}次', 4, 40, PERSON],
      ['跨境小车仪表台内藏现钞', 0, 0, VEHICLE],
      ['旧衣物货物中夹藏现钞', 0, 0, SHIPMENT],
    ],
    zhHant: [
      ['旅客未申報攜帶大額現金', 0, 0, PERSON],
      ['鞋底夾藏鈔票{n}疊', 2, 30, PERSON],
      ['背囊內藏未申報現金，涉及多種貨幣', 0, 0, PERSON],
      ['跨境私家車儀錶板內藏現金', 0, 0, VEHICLE],
      ['舊衣物貨物中夾藏現金', 0, 0, SHIPMENT],
    ],
  },
  firearms: {
    en: [
      ['Replica pistol and {n} rounds of ammunition in parcel', 5, 200, PARCEL],
      ['Gun parts declared as machine spares', 0, 0],
      ['{n} rounds of ammunition in vehicle door panel', 10, 500, VEHICLE],
      ['Passenger carrying {n} rounds of ammunition in hand luggage', 2, 60, PERSON],
    ],
    zhHans: [
      ['邮包内查获仿真枪及子弹{n}发', 5, 200, PARCEL],
      ['枪支零部件伪报为机械配件', 0, 0],
      ['车门夹层藏匿子弹{n}发', 10, 500, VEHICLE],
      ['旅客手提行李内藏子弹{n}发', 2, 60, PERSON],
    ],
    zhHant: [
      ['郵包內檢獲仿製手槍及子彈{n}發', 5, 200, PARCEL],
      ['槍械零件偽報為機械配件', 0, 0],
      ['旅客手提行李內藏子彈{n}發', 2, 60, PERSON],
    ],
  },
  food_safety: {
    en: [
      ['{n} kg of frozen meat without health certificate', 50, 3000, GOODS],
      ['Traveller carrying {n} kg of meat products without certificate', 1, 20, PERSON],
      ['Raw milk consignment, {n} L, failed inspection', 200, 5000, GOODS],
      ['Fresh vegetables for Hong Kong, pesticide residue over limit', 0, 0, GOODS],
      ['Unlabelled infant formula, {n} tins', 20, 600],
      ["Bird's nest products, {n} kg, undeclared", 1, 40],
    ],
    zhHans: [
      ['无检疫证明冻肉{n}千克', 50, 3000, GOODS],
      ['旅客携带未经检疫肉制品{n}千克', 1, 20, PERSON],
      ['供港蔬菜农药残留超标', 0, 0, GOODS],
      ['无中文标签婴儿奶粉{n}罐', 20, 600],
      ['燕窝制品{n}千克未申报', 1, 40],
    ],
    zhHant: [
      ['無衞生證明書冷藏肉類{n}公斤', 50, 3000, GOODS],
      ['旅客攜帶未經檢疫肉類製品{n}公斤', 1, 20, PERSON],
      ['未有標籤嬰兒奶粉{n}罐', 20, 600],
      ['燕窩製品{n}公斤未申報', 1, 40],
    ],
  },
  alien_species: {
    en: [
      ['Live red imported fire ants found in plant consignment', 0, 0, GOODS],
      ['{n} live exotic beetles in courier parcel', 2, 80, PARCEL],
      ['Seeds of invasive plants, {n} packets, by post', 1, 30, PARCEL],
      ['{n} live giant African snails in passenger luggage', 2, 40, PERSON],
    ],
    zhHans: [
      ['寄递物品中截获活体甲虫{n}只', 2, 80, PARCEL],
      ['进境植物中截获红火蚁', 0, 0, GOODS],
      ['邮寄外来植物种子{n}袋', 1, 30, PARCEL],
      ['旅客携带活体蜗牛{n}只', 2, 40, PERSON],
    ],
    zhHant: [
      ['郵包內截獲活體甲蟲{n}隻', 2, 80, PARCEL],
      ['植物貨物中發現紅火蟻', 0, 0, GOODS],
      ['郵寄外來植物種子{n}包', 1, 30, PARCEL],
      ['旅客攜帶活體蝸牛{n}隻', 2, 40, PERSON],
    ],
  },
  smuggled_goods: {
    en: [
      ['Parallel trader with {n} mobile phones strapped to body', 4, 40, PERSON],
      ['{n} luxury watches concealed in lorry chassis', 5, 200, VEHICLE],
      ['Undeclared electronic components, {n} units, in goods vehicle', 100, 20000, VEHICLE],
      ['Frozen seafood, {n} kg, landed from speedboat', 200, 8000, CARGO],
      ['Cosmetics and milk powder, {n} items, carried across repeatedly', 20, 300, PERSON],
      ['Misdeclared container of used electronics, {n} units', 200, 9000, CARGO],
      ['Undeclared goods in {n} cross-border e-commerce parcels', 5, 400, PARCEL],
    ],
    zhHans: [
      ['水客绑身携带手机{n}部', 4, 40, PERSON],
      ['货车底盘暗格藏匿名表{n}只', 5, 200, VEHICLE],
      ['未申报电子元器件{n}件', 100, 20000],
      ['快艇走私冻品{n}千克', 200, 8000, CARGO],
      ['多次往返携带化妆品、奶粉{n}件', 20, 300, PERSON],
      ['跨境电商包裹{n}件伪报品名', 5, 400, PARCEL],
    ],
    zhHant: [
      ['水貨客綁身攜帶手機{n}部', 4, 40, PERSON],
      ['貨車底盤暗格藏名錶{n}隻', 5, 200, VEHICLE],
      ['未申報電子零件{n}件', 100, 20000],
      ['快艇走私凍肉{n}公斤', 200, 8000, CARGO],
      ['多次往返攜帶化妝品、奶粉{n}件', 20, 300, PERSON],
    ],
  },
  other: {
    en: [
      ['Undeclared goods, {n} items', 2, 200],
      ['Misdeclared goods in cargo, {n} packages', 2, 80],
      ['Goods exceeding duty-free allowance', 0, 0],
    ],
    zhHans: [
      ['未申报物品{n}件', 2, 200],
      ['伪报品名货物{n}件', 2, 80],
      ['超出免税额度物品', 0, 0],
    ],
    zhHant: [
      ['未申報物品{n}件', 2, 200],
      ['虛報貨品{n}件', 2, 80],
      ['超出免稅限額物品', 0, 0],
    ],
  },
};

/** Descriptions for low-altitude (drone) records, whatever their category. */
export const DEMO_DRONE_DESCRIPTIONS: DescriptionSet = {
  en: [
    ['Drone carrying {n} mobile phones intercepted over the Shenzhen River', 5, 60],
    ['Drone and zip-line rig seized, {n} electronic items recovered', 20, 400],
    ['Night drone flights reported near the boundary fence, {n} sorties', 2, 15],
  ],
  zhHans: [
    ['无人机吊运手机{n}部越境被截获', 5, 60],
    ['查获无人机及溜索装置，电子产品{n}件', 20, 400],
    ['边境围网附近夜间无人机活动{n}架次', 2, 15],
  ],
  zhHant: [
    ['無人機吊運手機{n}部越境被截獲', 5, 60],
    ['檢獲無人機及滑索裝置，電子產品{n}件', 20, 400],
  ],
};
