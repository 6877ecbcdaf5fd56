import { closed, codeMap, definePolicy, fen } from './policy-definition.ts';

/** One fee per WO-2 order type, in fen. */
const feeByOrderType = () =>
  closed({
    install: fen(10_000_000),
    repair: fen(10_000_000),
    maintenance: fen(10_000_000),
    consultation: fen(10_000_000),
    return_exchange: fen(10_000_000),
    pickup_repair: fen(10_000_000),
  });

const row = (
  install: number,
  repair: number,
  maintenance: number,
  returnExchange: number,
  pickupRepair: number,
) => ({
  install,
  repair,
  maintenance,
  consultation: 0,
  return_exchange: returnExchange,
  pickup_repair: pickupRepair,
});

export const settlementPolicies = [
  definePolicy({
    key: 'stl.fee_table',
    rules: ['STL-1', 'CB-2'],
    unit: 'fen',
    // The table is product category × order type, plus what each service mode adds (the pick-up modes carry
    // the unit, the loaner modes lend one too): the three dimensions of STL-1 without listing every cell.
    schema: closed({
      byCategory: codeMap(feeByOrderType()),
      otherCategories: feeByOrderType(),
      serviceModeExtra: closed({
        on_site: fen(10_000_000),
        carry_in: fen(10_000_000),
        pickup_one_way: fen(10_000_000),
        pickup_two_way: fen(10_000_000),
        pickup_one_way_loaner: fen(10_000_000),
        pickup_two_way_loaner: fen(10_000_000),
      }),
    }),
    defaultValue: {
      byCategory: {
        air_conditioner: row(12_000, 8_000, 5_000, 3_000, 8_000),
        washing_machine: row(5_000, 6_000, 4_000, 3_000, 6_000),
        dishwasher: row(8_000, 6_000, 4_000, 3_000, 6_000),
        water_heater: row(8_000, 6_000, 4_000, 3_000, 6_000),
        refrigerator: row(3_000, 8_000, 4_000, 3_000, 8_000),
        television: row(5_000, 8_000, 3_000, 3_000, 8_000),
        door: row(25_000, 8_000, 5_000, 5_000, 8_000),
        protective_window: row(25_000, 8_000, 5_000, 5_000, 8_000),
      },
      otherCategories: row(10_000, 6_000, 4_000, 3_000, 6_000),
      serviceModeExtra: {
        on_site: 0,
        carry_in: 0,
        pickup_one_way: 2_000,
        pickup_two_way: 4_000,
        pickup_one_way_loaner: 3_000,
        pickup_two_way_loaner: 5_000,
      },
    },
    label: { 'zh-CN': '服务费标准（品类×类型×方式）', 'en-US': 'Service fee table' },
    description: {
      'zh-CN':
        '每张结单工单按产品品类和工单类型取标准服务费，再加服务方式（拉送、提供周转机）的附加费，乘以网点档位×等级系数后结算给网点。原规定未给出具体金额，默认值为暂定标准（单位：分），请按实际政策调整。',
      'en-US':
        'Each closed order earns its outlet the fee for its product category and order type, plus what its service mode adds (pick-up, loaner), times the band × grade multiplier. DOMAIN.md gives no figures; the defaults (in fen) are provisional and to be set by the service center.',
    },
  }),
];
