import type { Random } from './prng.ts';

export interface ModelDraft {
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: string[];
  dealerPriceFen: number;
}

type Maker = (r: Random) => Omit<ModelDraft, 'categoryCode'>;

const yuan = (r: Random, min: number, max: number): number => r.int(min / 10, max / 10) * 1000;

/** Nameplate-style codes and names per category, with the warranty terms such products carry in China. */
const makers: Record<string, Maker> = {
  air_conditioner(r) {
    const cabinet = r.chance(0.3);
    const size = cabinet ? r.pick([51, 72, 120]) : r.pick([26, 26, 35, 35, 35, 50]);
    const hp = { 26: '大1匹', 35: '1.5匹', 50: '2匹', 51: '2匹', 72: '3匹', 120: '5匹' }[size] ?? '1.5匹';
    const series = r.pick(['PH', 'KA', 'YA', 'DA', 'YH', 'MJ', 'JH', 'FA', 'XQ', 'ZM']);
    const code = `KFR-${size}${cabinet ? 'LW' : 'GW'}/BP${r.int(2, 3)}DN${r.pick([1, 8])}Y-${series}${r.int(1, 4)}0${r.int(0, 9)}(B${r.int(1, 3)})`;
    const line = r.pick(['酷省电', '风酷', '静优风', '极酷', '智行', '锐静', '冷静星', '舒适星', '领鲜者']);
    return {
      code,
      name: `${line} ${hp}新一级能效变频冷暖${cabinet ? '立式柜机' : '挂机'}`,
      warrantyMonths: r.pick([36, 72, 72]),
      keyPartsWarrantyMonths: 120,
      keyParts: ['压缩机', '电控板', '室外风机'],
      dealerPriceFen: cabinet ? yuan(r, 5200, 13800) : yuan(r, 2100, 4600),
    };
  },
  washing_machine(r) {
    const drum = r.chance(0.65);
    const kg = r.pick(drum ? [80, 100, 100, 120] : [80, 90, 100]);
    const code = drum
      ? `XQG${kg}-${r.pick(['B14', '12B', 'HBM', 'WDQ'])}${r.int(100, 999)}${r.pick(['W', 'S', 'G', ''])}`
      : `XQB${kg}-${r.int(1000, 9999)}${r.pick(['D', 'G', ''])}`;
    return {
      code,
      name: drum
        ? `${kg / 10}公斤滚筒洗衣机 变频直驱${r.chance(0.4) ? ' 洗烘一体' : ''}`
        : `${kg / 10}公斤波轮洗衣机 全自动${r.chance(0.5) ? ' 变频' : ''}`,
      warrantyMonths: 36,
      keyPartsWarrantyMonths: drum ? 120 : 60,
      keyParts: ['电机', '电脑板'],
      dealerPriceFen: drum ? yuan(r, 1900, 5200) : yuan(r, 900, 2200),
    };
  },
  dishwasher(r) {
    const sets = r.pick([8, 12, 13, 15]);
    return {
      code: `WQP${sets}-${r.pick(['W', 'V', 'J', 'RX'])}${r.int(1000, 9999)}${r.pick(['A', 'B', 'E'])}-CN`,
      name: `${sets}套${r.pick(['嵌入式', '独嵌两用', '台式'])}洗碗机 热风烘干`,
      warrantyMonths: 24,
      keyPartsWarrantyMonths: 36,
      keyParts: ['洗涤泵', '加热管', '电脑板'],
      dealerPriceFen: yuan(r, 1800, 6500),
    };
  },
  water_heater(r) {
    if (r.chance(0.55)) {
      const litres = r.pick([50, 60, 60, 80]);
      return {
        code: `F${litres}-${r.pick([21, 30, 32])}${r.pick(['WB1', 'MA5', 'E5', 'GQ3', 'TM7'])}`,
        name: `${litres}升电热水器 一级能效 ${r.pick(['速热', '免换镁棒', '储水式'])}`,
        warrantyMonths: 36,
        keyPartsWarrantyMonths: 96,
        keyParts: ['内胆', '加热管'],
        dealerPriceFen: yuan(r, 800, 2600),
      };
    }
    const litres = r.pick([13, 16, 16, 20]);
    return {
      code: `JSQ${litres * 2 - 1}-${litres}${r.pick(['WH5', 'RC3', 'MK8', 'HD6'])}`,
      name: `${litres}升燃气热水器 ${r.pick(['零冷水', '恒温', '强排式'])}`,
      warrantyMonths: 36,
      keyPartsWarrantyMonths: 60,
      keyParts: ['热交换器', '燃气比例阀'],
      dealerPriceFen: yuan(r, 1300, 4200),
    };
  },
  refrigerator(r) {
    const litres = r.pick([215, 318, 470, 508, 521, 606, 646]);
    const shape = litres < 300 ? '三门' : litres < 500 ? '十字对开门' : '对开门';
    return {
      code: `BCD-${litres}W${r.pick(['PGE', 'MPVL', 'TM', 'PZM', 'SMA', 'HBD'])}${r.chance(0.4) ? '(E)' : ''}`,
      name: `${litres}升${shape}冰箱 一级变频 风冷无霜`,
      warrantyMonths: 36,
      keyPartsWarrantyMonths: 120,
      keyParts: ['压缩机', '变频板'],
      dealerPriceFen: yuan(r, 1500, 7800),
    };
  },
  television(r) {
    const inches = r.pick([43, 50, 55, 65, 65, 75, 85]);
    return {
      code: `${inches}${r.pick(['E8K', 'V7S', 'A6G', 'Q10K', 'E3N', 'U7H'])}${r.chance(0.3) ? '-PRO' : ''}`,
      name: `${inches}英寸 4K超高清${r.chance(0.4) ? ' MiniLED' : ''} 智能液晶电视`,
      warrantyMonths: 12,
      keyPartsWarrantyMonths: 36,
      keyParts: ['液晶屏', '主板'],
      dealerPriceFen: yuan(r, 1200, 9800),
    };
  },
  door(r) {
    return {
      code: `JD-${r.int(1000, 9999)}${r.pick(['A', 'B', 'C'])}`,
      name: `${r.pick(['甲级', '乙级'])}防盗门 ${r.pick(['子母门', '单开门', '对开门'])}`,
      warrantyMonths: 24,
      keyPartsWarrantyMonths: 60,
      keyParts: ['锁体', '门框'],
      dealerPriceFen: yuan(r, 1600, 6800),
    };
  },
  protective_window(r) {
    return {
      code: `HW-${r.int(100, 999)}${r.pick(['S', 'L', 'G'])}`,
      name: r.pick(['隐形防护网 316不锈钢钢丝', '铝合金防护窗 断桥隔热', '儿童安全防护栏']),
      warrantyMonths: 24,
      keyPartsWarrantyMonths: 60,
      keyParts: ['钢丝绳', '铝轨'],
      dealerPriceFen: yuan(r, 300, 1800),
    };
  },
  home_product(r) {
    return {
      code: `JJ-${r.int(100, 999)}${r.pick(['Z', 'Y', 'X'])}`,
      name: r.pick(['电动智能晾衣架', '折叠淋浴房', '智能马桶盖', '入户鞋柜']),
      warrantyMonths: 12,
      keyPartsWarrantyMonths: 36,
      keyParts: ['电机'],
      dealerPriceFen: yuan(r, 400, 3000),
    };
  },
  colour_pipe(r) {
    return {
      code: `CG-${r.pick([75, 90, 110])}-${r.int(10, 99)}`,
      name: `彩钢落水管 ${r.pick(['方管', '圆管'])} ${r.pick(['咖啡色', '深灰色', '白色'])}`,
      warrantyMonths: 24,
      keyPartsWarrantyMonths: 24,
      keyParts: [],
      dealerPriceFen: yuan(r, 50, 300),
    };
  },
  material(r) {
    const series = r.pick([60, 70, 80, 108]);
    return {
      code: `XC-${series}${r.pick(['A', 'B'])}${r.int(10, 99)}`,
      name: `断桥铝型材 ${series}系列`,
      warrantyMonths: 60,
      keyPartsWarrantyMonths: 60,
      keyParts: [],
      dealerPriceFen: yuan(r, 100, 600),
    };
  },
  fixture_tool(r) {
    return {
      code: `PJ-${r.int(1000, 9999)}`,
      name: r.pick(['不锈钢执手锁', '智能指纹锁', '液压闭门器', '多点锁锁芯']),
      warrantyMonths: 12,
      keyPartsWarrantyMonths: r.chance(0.5) ? 24 : 12,
      keyParts: ['锁芯'],
      dealerPriceFen: yuan(r, 80, 2400),
    };
  },
};

/** How many models each category gets: appliances are the bulk of an after-sales catalogue. */
const modelsPerCategory: Record<string, number> = {
  air_conditioner: 14,
  washing_machine: 10,
  dishwasher: 6,
  water_heater: 10,
  refrigerator: 10,
  television: 10,
};

/** Models for every category given, codes unique across the catalogue (MD-1). */
export function generateModels(random: Random, categoryCodes: readonly string[]): ModelDraft[] {
  const out: ModelDraft[] = [];
  const codes = new Set<string>();
  for (const categoryCode of categoryCodes) {
    const make = makers[categoryCode];
    if (!make) continue;
    const wanted = modelsPerCategory[categoryCode] ?? 4;
    for (let attempts = 0, made = 0; made < wanted && attempts < wanted * 20; attempts++) {
      const draft = make(random);
      if (codes.has(draft.code)) continue;
      codes.add(draft.code);
      out.push({ ...draft, categoryCode });
      made++;
    }
  }
  return out;
}

/** Share of units sold per category: air conditioners and white goods dominate service volume. */
export const unitCategoryWeights: Record<string, number> = {
  air_conditioner: 28,
  washing_machine: 18,
  refrigerator: 17,
  water_heater: 12,
  television: 11,
  dishwasher: 4,
  door: 3,
  protective_window: 2.5,
  home_product: 2,
  fixture_tool: 1.5,
  colour_pipe: 0.5,
  material: 0.5,
};

/** Chance that a unit of the category has an installation date (fridges are just plugged in). */
export const installShare: Record<string, number> = {
  air_conditioner: 1,
  water_heater: 1,
  dishwasher: 1,
  door: 1,
  protective_window: 1,
  home_product: 0.9,
  washing_machine: 0.6,
  television: 0.4,
  refrigerator: 0,
  colour_pipe: 1,
  material: 1,
  fixture_tool: 0.7,
};

/** Two digits of a unit's serial number naming its category, as factory bar codes do. */
export const categorySerialDigits: Record<string, string> = {
  air_conditioner: '11',
  washing_machine: '21',
  dishwasher: '22',
  water_heater: '31',
  refrigerator: '41',
  television: '51',
  door: '61',
  protective_window: '62',
  home_product: '63',
  colour_pipe: '64',
  material: '65',
  fixture_tool: '66',
};
