import type { PlatformDeps } from '../../platform/deps.ts';
import type { ExportColumn } from '../../platform/files/xlsx-export.ts';
import { businessDate, businessDayStart, formatBusiness } from '../../platform/time.ts';
import type { CatalogLookup } from '../catalog/index.ts';
import type { UnitRow } from './customers.repository.ts';
import type { SanbaoWindows, WarrantyResult } from './domain/warranty.ts';
import { warrantyStatus } from './domain/warranty.ts';

export interface UnitView {
  id: string;
  serialNumber: string;
  modelId: string;
  modelCode: string | null;
  modelName: string | null;
  categoryCode: string | null;
  customerId: string | null;
  addressId: string | null;
  purchaseDate: string;
  installDate: string | null;
  salesChannel: string;
  dealerId: string | null;
  dealerName: string | null;
  registeredAt: string;
  warranty: WarrantyResult;
  version: number;
}

export function createUnitViewer(deps: PlatformDeps, lookup: CatalogLookup) {
  const tz = deps.businessTimeZone;

  /**
   * MD-3 for each unit. The terms are those in force on the purchase date (POL-1: a later policy change does
   * not rewrite what a customer bought under), and the status is the one on today's business date.
   */
  async function warrantyOf(row: UnitRow, model: Awaited<ReturnType<CatalogLookup['model']>>, today: string) {
    const at = businessDayStart(row.purchaseDate, tz);
    const [windows, defaults] = await Promise.all([
      deps.policies.at<SanbaoWindows>('md.sanbao.windows', at),
      deps.policies.at<number>('md.warranty.default_months', at),
    ]);
    return warrantyStatus({
      purchaseDate: row.purchaseDate,
      terms: model
        ? {
            warrantyMonths: model.warrantyMonths,
            keyPartsWarrantyMonths: model.keyPartsWarrantyMonths,
            keyParts: model.keyParts,
          }
        : null,
      defaultMonths: { months: defaults.value, policyVersion: defaults.version },
      windows: { ...windows.value, policyVersion: windows.version },
      today,
    });
  }

  return {
    async views(rows: readonly UnitRow[], now: Date): Promise<UnitView[]> {
      const today = businessDate(now, tz);
      const models = await lookup.models([...new Set(rows.map((r) => r.modelId))]);
      const dealerNames = new Map<string, string>();
      for (const id of new Set(rows.flatMap((r) => (r.dealerId ? [r.dealerId] : [])))) {
        const dealer = await lookup.dealer(id);
        if (dealer) dealerNames.set(id, dealer.name);
      }
      const out: UnitView[] = [];
      for (const r of rows) {
        const model = models.get(r.modelId);
        out.push({
          id: r.id,
          serialNumber: r.serialNumber,
          modelId: r.modelId,
          modelCode: model?.code ?? null,
          modelName: model?.name ?? null,
          categoryCode: model?.categoryCode ?? null,
          customerId: r.customerId,
          addressId: r.addressId,
          purchaseDate: r.purchaseDate,
          installDate: r.installDate,
          salesChannel: r.salesChannel,
          dealerId: r.dealerId,
          dealerName: r.dealerId ? (dealerNames.get(r.dealerId) ?? null) : null,
          registeredAt: r.registeredAt.toISOString(),
          warranty: await warrantyOf(r, model, today),
          version: r.version,
        });
      }
      return out;
    },
  };
}

export type UnitViewer = ReturnType<typeof createUnitViewer>;

/** Units are product facts, not personal data: the audit trail may hold them in full. */
export function auditableUnit(r: UnitRow): Record<string, unknown> {
  return {
    serialNumber: r.serialNumber,
    modelId: r.modelId,
    customerId: r.customerId,
    addressId: r.addressId,
    purchaseDate: r.purchaseDate,
    installDate: r.installDate,
    salesChannel: r.salesChannel,
    dealerId: r.dealerId,
    version: r.version,
  };
}

const statusNames = {
  in_warranty: { 'zh-CN': '保内', 'en-US': 'In warranty' },
  key_parts_only: { 'zh-CN': '仅主要部件在保', 'en-US': 'Key parts only' },
  out_of_warranty: { 'zh-CN': '保外', 'en-US': 'Out of warranty' },
} as const;

export function unitExportColumns(locale: 'zh-CN' | 'en-US', tz: string): ExportColumn<UnitView>[] {
  return [
    { header: { 'zh-CN': '机身条码', 'en-US': 'Serial number' }, value: (u) => u.serialNumber, width: 24 },
    { header: { 'zh-CN': '型号', 'en-US': 'Model' }, value: (u) => u.modelCode, width: 16 },
    { header: { 'zh-CN': '型号名称', 'en-US': 'Model name' }, value: (u) => u.modelName, width: 24 },
    { header: { 'zh-CN': '品类', 'en-US': 'Category' }, value: (u) => u.categoryCode },
    { header: { 'zh-CN': '购买日期', 'en-US': 'Purchased' }, value: (u) => u.purchaseDate, width: 12 },
    { header: { 'zh-CN': '安装日期', 'en-US': 'Installed' }, value: (u) => u.installDate, width: 12 },
    { header: { 'zh-CN': '销售渠道', 'en-US': 'Sales channel' }, value: (u) => u.salesChannel },
    { header: { 'zh-CN': '经销商', 'en-US': 'Dealer' }, value: (u) => u.dealerName, width: 24 },
    {
      header: { 'zh-CN': '保修状态', 'en-US': 'Warranty' },
      value: (u) => statusNames[u.warranty.status][locale],
    },
    {
      header: { 'zh-CN': '整机保修至', 'en-US': 'Whole unit until' },
      value: (u) => u.warranty.wholeUnitUntil,
    },
    {
      header: { 'zh-CN': '主要部件保修至', 'en-US': 'Key parts until' },
      value: (u) => u.warranty.keyPartsUntil,
    },
    {
      header: { 'zh-CN': '登记时间', 'en-US': 'Registered' },
      value: (u) => formatBusiness(new Date(u.registeredAt), tz),
      width: 18,
    },
  ];
}
