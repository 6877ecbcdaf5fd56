import type { FastifyRequest } from 'fastify';
import type { ExportColumn, ExportLocale } from '../../platform/files/xlsx-export.ts';
import { exportLocale } from '../../platform/files/xlsx-export.ts';
import type { DealerView } from './dealer-view.ts';
import type { ModelView } from './products.service.ts';
import type { RegionView } from './regions.service.ts';

/** `lang` wins; otherwise the browser's language, so an English console exports English headers. */
export function localeOf(request: FastifyRequest, lang: string | undefined): ExportLocale {
  const accept = request.headers['accept-language'];
  return exportLocale(lang, typeof accept === 'string' && /^en\b/i.test(accept) ? 'en-US' : undefined);
}

const label =
  (texts: Record<string, { 'zh-CN': string; 'en-US': string }>, locale: ExportLocale) =>
  (value: string): string =>
    texts[value]?.[locale] ?? value;

const levels = {
  province: { 'zh-CN': '省', 'en-US': 'Province' },
  city: { 'zh-CN': '市', 'en-US': 'City' },
  district: { 'zh-CN': '区县', 'en-US': 'District/county' },
};
const areaTypes = {
  urban: { 'zh-CN': '市区', 'en-US': 'Urban' },
  suburban: { 'zh-CN': '郊区', 'en-US': 'Suburban' },
};
const tierSources = {
  default: { 'zh-CN': '默认', 'en-US': 'Default' },
  admin: { 'zh-CN': '管理员设置', 'en-US': 'Set by administrator' },
};
const dealerTierNames = {
  A: { 'zh-CN': 'A 金牌', 'en-US': 'A gold' },
  B: { 'zh-CN': 'B 中等', 'en-US': 'B medium' },
  C: { 'zh-CN': 'C 黑名单', 'en-US': 'C blacklist' },
};
const yesNo = (locale: ExportLocale) => (v: boolean) =>
  locale === 'zh-CN' ? (v ? '是' : '否') : v ? 'Yes' : 'No';

export function regionColumns(locale: ExportLocale): ExportColumn<RegionView>[] {
  return [
    { header: { 'zh-CN': '代码', 'en-US': 'Code' }, value: (r) => r.code, width: 10 },
    { header: { 'zh-CN': '名称', 'en-US': 'Name' }, value: (r) => r.name, width: 16 },
    { header: { 'zh-CN': '级别', 'en-US': 'Level' }, value: (r) => label(levels, locale)(r.level) },
    { header: { 'zh-CN': '所属区域', 'en-US': 'Path' }, value: (r) => r.path, width: 32 },
    { header: { 'zh-CN': '市场级别', 'en-US': 'Market tier' }, value: (r) => r.marketTier },
    {
      header: { 'zh-CN': '市区/郊区', 'en-US': 'Area type' },
      value: (r) => label(areaTypes, locale)(r.areaType),
    },
    {
      header: { 'zh-CN': '级别来源', 'en-US': 'Tier source' },
      value: (r) => label(tierSources, locale)(r.tierSource),
      width: 18,
    },
  ];
}

export function modelColumns(
  locale: ExportLocale,
  categoryName: (code: string) => string,
): ExportColumn<ModelView>[] {
  return [
    { header: { 'zh-CN': '型号代码', 'en-US': 'Model code' }, value: (m) => m.code, width: 24 },
    { header: { 'zh-CN': '型号名称', 'en-US': 'Model name' }, value: (m) => m.name, width: 28 },
    {
      header: { 'zh-CN': '品类', 'en-US': 'Category' },
      value: (m) => categoryName(m.categoryCode),
      width: 18,
    },
    { header: { 'zh-CN': '整机保修（月）', 'en-US': 'Warranty (months)' }, value: (m) => m.warrantyMonths },
    {
      header: { 'zh-CN': '主要部件保修（月）', 'en-US': 'Key-part warranty (months)' },
      value: (m) => m.keyPartsWarrantyMonths,
    },
    {
      header: { 'zh-CN': '主要部件', 'en-US': 'Key parts' },
      value: (m) => m.keyParts.join(locale === 'zh-CN' ? '、' : ', '),
      width: 24,
    },
    {
      header: { 'zh-CN': '经销商结算价', 'en-US': 'Dealer price' },
      value: (m) => (m.dealerPriceFen === null ? null : m.dealerPriceFen / 100),
      numFmt: '¥#,##0.00',
      width: 16,
    },
    { header: { 'zh-CN': '启用', 'en-US': 'Active' }, value: (m) => yesNo(locale)(m.active) },
  ];
}

export function dealerColumns(locale: ExportLocale): ExportColumn<DealerView>[] {
  return [
    { header: { 'zh-CN': '经销商代码', 'en-US': 'Dealer code' }, value: (d) => d.code, width: 16 },
    { header: { 'zh-CN': '经销商名称', 'en-US': 'Dealer name' }, value: (d) => d.name, width: 28 },
    { header: { 'zh-CN': '所在区域', 'en-US': 'Region' }, value: (d) => d.regionPath, width: 32 },
    { header: { 'zh-CN': '联系人', 'en-US': 'Contact' }, value: (d) => d.contactName },
    {
      header: { 'zh-CN': '联系电话', 'en-US': 'Contact phone' },
      value: (d) => d.contactPhoneMasked,
      width: 16,
    },
    {
      header: { 'zh-CN': '分级', 'en-US': 'Tier' },
      value: (d) => label(dealerTierNames, locale)(d.tier),
      width: 14,
    },
    { header: { 'zh-CN': '启用', 'en-US': 'Active' }, value: (d) => yesNo(locale)(d.active) },
  ];
}
