/** MD-2: the product lines and categories every order, SLA row and fee refers to. */
export const productLineSeed = [
  { code: 'appliance', nameZh: '家电', nameEn: 'Home appliances' },
  { code: 'door_window', nameZh: '门窗', nameEn: 'Doors and windows' },
] as const;

export const productCategorySeed = [
  { code: 'air_conditioner', lineCode: 'appliance', nameZh: '空调', nameEn: 'Air conditioner' },
  { code: 'washing_machine', lineCode: 'appliance', nameZh: '洗衣机', nameEn: 'Washing machine' },
  { code: 'dishwasher', lineCode: 'appliance', nameZh: '洗碗机', nameEn: 'Dishwasher' },
  { code: 'water_heater', lineCode: 'appliance', nameZh: '热水器', nameEn: 'Water heater' },
  { code: 'refrigerator', lineCode: 'appliance', nameZh: '冰箱', nameEn: 'Refrigerator' },
  { code: 'television', lineCode: 'appliance', nameZh: '电视', nameEn: 'Television' },
  { code: 'door', lineCode: 'door_window', nameZh: '门', nameEn: 'Door' },
  { code: 'protective_window', lineCode: 'door_window', nameZh: '防护窗', nameEn: 'Protective window' },
  { code: 'home_product', lineCode: 'door_window', nameZh: '家居产品', nameEn: 'Home product' },
  { code: 'colour_pipe', lineCode: 'door_window', nameZh: '彩管', nameEn: 'Colour pipe' },
  { code: 'material', lineCode: 'door_window', nameZh: '型材', nameEn: 'Material' },
  { code: 'fixture_tool', lineCode: 'door_window', nameZh: '配件工具', nameEn: 'Fixtures and tools' },
] as const;

export type CategoryCode = (typeof productCategorySeed)[number]['code'];

export const serviceTypes = ['install', 'repair', 'maintenance', 'pickup_repair', 'return_exchange'] as const;
export type ServiceType = (typeof serviceTypes)[number];
