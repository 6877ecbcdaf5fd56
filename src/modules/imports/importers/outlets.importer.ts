import { AppError } from '../../../platform/errors.ts';
import type { Importer } from '../../../platform/files/import-runner.ts';
import { splitList } from '../../../platform/files/import-runner.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { productCategorySeed } from '../../catalog/index.ts';
import type { OutletsService } from '../../outlets/index.ts';
import { outletsRepository } from '../../outlets/index.ts';
import { booleanCell, codeCell, integerCell, optionalText, requiredText } from './cells.ts';
import { matchOption, outletStatusOptions, outletTypeOptions, serviceTypeOptions } from './labels.ts';

type OutletCreate = Parameters<OutletsService['create']>[1];

interface OutletRow {
  outlet: OutletCreate;
  parentCode: string | undefined;
  regions: { regionCode: string; role: string }[];
  services: { categoryCode: string; serviceType: string }[];
}

const bad = (column: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { errors: [{ path: `/${column}`, message }] });

function numberCell(cells: Record<string, string>, column: string, min: number, max: number): number | null {
  const raw = (cells[column] ?? '').trim();
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw bad(column, `Use a number from ${min} to ${max}.`);
  return n;
}

/** "440106; 440104:备用" → the outlet's district and each neighbour, `备用`/`backup` marking backup coverage. */
function coverageCell(cells: Record<string, string>, own: string) {
  const rows = new Map<string, string>([[own, 'primary']]);
  for (const item of splitList(cells.coverage)) {
    const [code = '', role = ''] = item.split(/[:：]/).map((s) => s.trim());
    if (!/^\d{6}$/.test(code))
      throw bad('coverage', `"${item}" is not a 6-digit district code (optionally :备用).`);
    const r =
      role === '' || role === '主' || role.toLowerCase() === 'primary'
        ? 'primary'
        : role === '备用' || role.toLowerCase() === 'backup'
          ? 'backup'
          : undefined;
    if (!r) throw bad('coverage', `In "${item}", write 备用 (backup) or nothing after the code.`);
    rows.set(code, r);
  }
  return [...rows].map(([regionCode, role]) => ({ regionCode, role }));
}

/** "空调:安装|维修; 冰箱:维修" → categories × service types (NET-2). */
function servicesCell(cells: Record<string, string>) {
  const out: { categoryCode: string; serviceType: string }[] = [];
  for (const item of splitList(cells.services)) {
    const [cat = '', types = ''] = item.split(/[:：]/).map((s) => s.trim());
    const categoryCode = matchOption(cat, productCategorySeed);
    if (!categoryCode) throw bad('services', `"${cat}" is not a product category.`);
    for (const t of types
      .split(/[|/]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const serviceType = matchOption(t, serviceTypeOptions);
      if (!serviceType)
        throw bad('services', `"${t}" is not a service type (安装, 维修, 保养, 接机维修, 退换机).`);
      out.push({ categoryCode, serviceType });
    }
  }
  return out;
}

/** NET-1..NET-3: outlets with coverage and qualification, created and covered through the outlets use cases. */
export function outletsImporter(outlets: OutletsService, db: Executor): Importer<OutletRow> {
  return {
    entity: 'outlets',
    columns: [
      {
        key: 'code',
        header: { 'zh-CN': '网点编码', 'en-US': 'Outlet code' },
        required: true,
        example: 'GZ-TH-101',
      },
      {
        key: 'name',
        header: { 'zh-CN': '网点名称', 'en-US': 'Outlet name' },
        required: true,
        example: '广州天河华信电器服务部',
      },
      { key: 'type', header: { 'zh-CN': '网点类型', 'en-US': 'Type' }, required: true, example: '一级网点' },
      {
        key: 'parentCode',
        header: { 'zh-CN': '上级网点编码', 'en-US': 'Parent outlet code' },
        required: false,
        example: '',
      },
      {
        key: 'regionCode',
        header: { 'zh-CN': '所在区县编码', 'en-US': 'District code' },
        required: true,
        example: '440106',
      },
      {
        key: 'address',
        header: { 'zh-CN': '地址', 'en-US': 'Address' },
        required: false,
        example: '天河路 385 号',
      },
      { key: 'lat', header: { 'zh-CN': '纬度', 'en-US': 'Latitude' }, required: false, example: '23.1291' },
      { key: 'lng', header: { 'zh-CN': '经度', 'en-US': 'Longitude' }, required: false, example: '113.3310' },
      {
        key: 'serviceRadiusKm',
        header: { 'zh-CN': '服务半径(公里)', 'en-US': 'Service radius (km)' },
        required: false,
        example: '20',
      },
      {
        key: 'phone',
        header: { 'zh-CN': '网点电话', 'en-US': 'Phone' },
        required: false,
        example: '020-38881234',
      },
      {
        key: 'managerName',
        header: { 'zh-CN': '负责人', 'en-US': 'Manager' },
        required: false,
        example: '黄伟',
      },
      { key: 'status', header: { 'zh-CN': '状态', 'en-US': 'Status' }, required: false, example: '申请中' },
      {
        key: 'licenceNumber',
        header: { 'zh-CN': '营业执照号', 'en-US': 'Business licence no.' },
        required: false,
        example: '91440106MA5XXXXXX',
      },
      {
        key: 'licensedForRepair',
        header: { 'zh-CN': '具备家电维修资质', 'en-US': 'Licensed for repair' },
        required: false,
        example: '是',
      },
      {
        key: 'hasPartsStore',
        header: { 'zh-CN': '有配件库', 'en-US': 'Has parts store' },
        required: false,
        example: '是',
      },
      {
        key: 'technicianCount',
        header: { 'zh-CN': '技术人员数', 'en-US': 'Technicians' },
        required: false,
        example: '6',
      },
      {
        key: 'acceptsManagement',
        header: { 'zh-CN': '接受管理', 'en-US': 'Accepts management' },
        required: false,
        example: '是',
      },
      {
        key: 'hasServiceSystem',
        header: { 'zh-CN': '有服务管理系统', 'en-US': 'Has service system' },
        required: false,
        example: '是',
      },
      {
        key: 'coverage',
        header: { 'zh-CN': '覆盖区县', 'en-US': 'Covered districts' },
        required: false,
        example: '440104; 440105:备用',
      },
      {
        key: 'services',
        header: { 'zh-CN': '服务品类', 'en-US': 'Categories × services' },
        required: false,
        example: '空调:安装|维修; 冰箱:维修',
      },
    ],
    parse(cells) {
      const regionCode = requiredText(cells, 'regionCode', 6);
      if (!/^\d{6}$/.test(regionCode))
        throw bad('regionCode', 'Give the 6-digit district code, e.g. 440106.');
      const status = optionalText(cells, 'status', 20);
      return {
        outlet: {
          code: requiredText(cells, 'code', 40),
          name: requiredText(cells, 'name', 80),
          type: codeCell(cells, 'type', outletTypeOptions),
          regionCode,
          address: optionalText(cells, 'address', 200) ?? '',
          lat: numberCell(cells, 'lat', -90, 90),
          lng: numberCell(cells, 'lng', -180, 180),
          ...(cells.serviceRadiusKm?.trim()
            ? { serviceRadiusKm: integerCell(cells, 'serviceRadiusKm', 1, 200) }
            : {}),
          ...(status ? { status: codeCell(cells, 'status', outletStatusOptions) } : {}),
          phone: optionalText(cells, 'phone', 30) ?? null,
          managerName: optionalText(cells, 'managerName', 40) ?? null,
          qualification: {
            licenceNumber: optionalText(cells, 'licenceNumber', 40) ?? null,
            licensedForRepair: booleanCell(cells, 'licensedForRepair', false),
            hasPartsStore: booleanCell(cells, 'hasPartsStore', false),
            technicianCount: integerCell(cells, 'technicianCount', 0, 10_000, 0),
            acceptsManagement: booleanCell(cells, 'acceptsManagement', false),
            hasServiceSystem: booleanCell(cells, 'hasServiceSystem', false),
          },
        },
        parentCode: optionalText(cells, 'parentCode', 40),
        regions: coverageCell(cells, regionCode),
        services: servicesCell(cells),
      };
    },
    async apply(ctx, row) {
      let parentId: string | null = null;
      if (row.parentCode) {
        // Parents may be earlier rows of the same file: the look-up runs inside the import's transaction.
        const parent = await outletsRepository.findByCode(db, row.parentCode);
        if (!parent)
          throw bad('parentCode', `No outlet has the code ${row.parentCode} (earlier rows count).`);
        parentId = parent.id;
      }
      const created = await outlets.create(ctx, { ...row.outlet, parentId });
      await outlets.setCoverage(ctx, created.id, {
        version: created.version,
        regions: row.regions,
        services: row.services,
      });
    },
    columnOf: (path) => {
      const first = path.split('/').filter(Boolean)[0];
      if (first === 'regions') return 'coverage';
      if (first === 'qualification') return path.split('/').filter(Boolean)[1];
      if (first === 'parentId') return 'parentCode';
      return first;
    },
  };
}
