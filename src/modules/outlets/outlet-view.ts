import type { ExportColumn } from '../../platform/files/xlsx-export.ts';
import type { OutletRow } from './outlets.repository.ts';
import type { Qualification, QualificationGap } from './domain/outlet-rules.ts';

export interface OutletView {
  id: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  regionCode: string;
  regionPath: string;
  address: string;
  lat: number | null;
  lng: number | null;
  serviceRadiusKm: number;
  status: string;
  band: number | null;
  bandYear: number | null;
  grade: string | null;
  stars: number | null;
  partsDepositFen: number;
  phone: string | null;
  managerName: string | null;
  engineerCount: number;
  coveredDistrictCount: number;
  /** NET-10: a timed stop on new dispatches; null when none is running. */
  dispatchSuspension: { until: string; reason: string | null } | null;
  version: number;
}

export interface OutletDetail extends OutletView {
  coverage: {
    regions: { regionCode: string; regionPath: string; role: string }[];
    services: { categoryCode: string; serviceType: string }[];
  };
  qualification: Qualification;
  qualificationCheck: { ok: boolean; missing: QualificationGap[] };
}

export function toOutletView(
  r: OutletRow,
  extra: { regionPath: string; engineerCount: number; coveredDistrictCount: number; today: string },
): OutletView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    parentId: r.parentId,
    regionCode: r.regionCode,
    regionPath: extra.regionPath,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    serviceRadiusKm: r.serviceRadiusKm,
    status: r.status,
    band: r.band,
    bandYear: r.bandYear,
    grade: r.grade,
    stars: r.stars,
    partsDepositFen: r.partsDepositFen,
    phone: r.phone,
    managerName: r.managerName,
    engineerCount: extra.engineerCount,
    coveredDistrictCount: extra.coveredDistrictCount,
    dispatchSuspension:
      r.dispatchSuspendedUntil !== null && extra.today < r.dispatchSuspendedUntil
        ? { until: r.dispatchSuspendedUntil, reason: r.dispatchSuspensionReason }
        : null,
    version: r.version,
  };
}

/** What the audit trail keeps about an outlet (no personal data is held on outlets; all fields are business facts). */
export function auditableOutlet(r: OutletRow): Record<string, unknown> {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    parentId: r.parentId,
    regionCode: r.regionCode,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    serviceRadiusKm: r.serviceRadiusKm,
    status: r.status,
    band: r.band,
    bandYear: r.bandYear,
    phone: r.phone,
    managerName: r.managerName,
    qualification: r.qualification,
    version: r.version,
  };
}

const typeNames: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  pre_sales: { 'zh-CN': '售前网点', 'en-US': 'Pre-sales' },
  after_sales_tier1: { 'zh-CN': '一级网点', 'en-US': 'After-sales tier 1' },
  after_sales_tier2: { 'zh-CN': '二级网点', 'en-US': 'After-sales tier 2' },
  direct_signed: { 'zh-CN': '直签网点', 'en-US': 'Direct-signed' },
  three_in_one: { 'zh-CN': '三位一体', 'en-US': 'Three-in-one' },
  self_warranty: { 'zh-CN': '自保网点', 'en-US': 'Self-warranty' },
};

const statusNames: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  applying: { 'zh-CN': '申请中', 'en-US': 'Applying' },
  active: { 'zh-CN': '正常', 'en-US': 'Active' },
  rectifying: { 'zh-CN': '整改中', 'en-US': 'Rectifying' },
  suspended: { 'zh-CN': '暂停派工', 'en-US': 'Suspended' },
  withdrawing: { 'zh-CN': '撤点中', 'en-US': 'Withdrawing' },
  withdrawn: { 'zh-CN': '已撤点', 'en-US': 'Withdrawn' },
};

export function outletExportColumns(locale: 'zh-CN' | 'en-US'): ExportColumn<OutletView>[] {
  return [
    { header: { 'zh-CN': '网点编码', 'en-US': 'Code' }, value: (o) => o.code, width: 14 },
    { header: { 'zh-CN': '网点名称', 'en-US': 'Name' }, value: (o) => o.name, width: 32 },
    { header: { 'zh-CN': '类型', 'en-US': 'Type' }, value: (o) => typeNames[o.type]?.[locale] ?? o.type },
    {
      header: { 'zh-CN': '状态', 'en-US': 'Status' },
      value: (o) => statusNames[o.status]?.[locale] ?? o.status,
    },
    { header: { 'zh-CN': '所在地区', 'en-US': 'Region' }, value: (o) => o.regionPath, width: 28 },
    { header: { 'zh-CN': '地址', 'en-US': 'Address' }, value: (o) => o.address, width: 32 },
    {
      header: { 'zh-CN': '服务半径(公里)', 'en-US': 'Service radius (km)' },
      value: (o) => o.serviceRadiusKm,
    },
    { header: { 'zh-CN': '档位', 'en-US': 'Band' }, value: (o) => o.band },
    { header: { 'zh-CN': '档位年度', 'en-US': 'Band year' }, value: (o) => o.bandYear },
    { header: { 'zh-CN': '等级', 'en-US': 'Grade' }, value: (o) => o.grade },
    { header: { 'zh-CN': '星级', 'en-US': 'Stars' }, value: (o) => o.stars },
    {
      header: { 'zh-CN': '配件款余额', 'en-US': 'Parts deposit' },
      value: (o) => o.partsDepositFen / 100,
      numFmt: '¥#,##0.00',
    },
    { header: { 'zh-CN': '电话', 'en-US': 'Phone' }, value: (o) => o.phone, width: 16 },
    { header: { 'zh-CN': '负责人', 'en-US': 'Manager' }, value: (o) => o.managerName },
    { header: { 'zh-CN': '在岗工程师', 'en-US': 'Active engineers' }, value: (o) => o.engineerCount },
    { header: { 'zh-CN': '覆盖区县数', 'en-US': 'Covered districts' }, value: (o) => o.coveredDistrictCount },
  ];
}
