/** Chinese and English names accepted in import cells for the codes the console shows translated. */
export const outletTypeOptions = [
  { code: 'pre_sales', nameZh: '售前网点', nameEn: 'Pre-sales outlet' },
  { code: 'after_sales_tier1', nameZh: '一级网点', nameEn: 'Tier-1 outlet' },
  { code: 'after_sales_tier2', nameZh: '二级网点', nameEn: 'Tier-2 outlet' },
  { code: 'direct_signed', nameZh: '直签网点', nameEn: 'Direct-signed outlet' },
  { code: 'three_in_one', nameZh: '三位一体', nameEn: 'Three-in-one' },
  { code: 'self_warranty', nameZh: '自保网点', nameEn: 'Self-warranty dealer' },
] as const;

export const outletStatusOptions = [
  { code: 'applying', nameZh: '申请中', nameEn: 'Applying' },
  { code: 'active', nameZh: '正常', nameEn: 'Active' },
] as const;

export const serviceTypeOptions = [
  { code: 'install', nameZh: '安装', nameEn: 'Install' },
  { code: 'repair', nameZh: '维修', nameEn: 'Repair' },
  { code: 'maintenance', nameZh: '保养', nameEn: 'Maintenance' },
  { code: 'pickup_repair', nameZh: '接机维修', nameEn: 'Pick-up repair' },
  { code: 'return_exchange', nameZh: '退换机', nameEn: 'Return/exchange' },
] as const;

export const salesChannelOptions = [
  { code: 'mall', nameZh: '商场', nameEn: 'Shopping mall' },
  { code: 'dealer', nameZh: '经销商', nameEn: 'Dealer' },
  { code: 'e_commerce', nameZh: '电商', nameEn: 'E-commerce' },
  { code: 'engineering', nameZh: '工程', nameEn: 'Project' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

export const phoneLabelOptions = [
  { code: 'mobile', nameZh: '手机', nameEn: 'Mobile' },
  { code: 'home', nameZh: '家庭', nameEn: 'Home' },
  { code: 'work', nameZh: '单位', nameEn: 'Work' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

export function matchOption(
  raw: string,
  options: readonly { code: string; nameZh: string; nameEn: string }[],
): string | undefined {
  const v = raw.trim().toLowerCase();
  return options.find((o) => [o.code, o.nameZh, o.nameEn].some((n) => n.toLowerCase() === v))?.code;
}
