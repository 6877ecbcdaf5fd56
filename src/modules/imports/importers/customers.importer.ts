import { AppError } from '../../../platform/errors.ts';
import type { Importer } from '../../../platform/files/import-runner.ts';
import { splitList } from '../../../platform/files/import-runner.ts';
import type { CatalogLookup } from '../../catalog/index.ts';
import type { CustomersService } from '../../customers/index.ts';
import { dateCell, optionalText, requiredText } from './cells.ts';
import { matchOption, salesChannelOptions } from './labels.ts';

type CustomerCreate = Parameters<CustomersService['create']>[1];

interface CustomerRow {
  customer: CustomerCreate;
  unit: { serialNumber: string; modelCode: string; purchaseDate: string; salesChannel: string } | undefined;
}

const bad = (column: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { errors: [{ path: `/${column}`, message }] });

/** MD-1/MD-4: a customer with phones and an address, and optionally the unit they own, per row. */
export function customersImporter(
  customers: CustomersService,
  catalog: CatalogLookup,
): Importer<CustomerRow> {
  return {
    entity: 'customers',
    columns: [
      { key: 'name', header: { 'zh-CN': '姓名', 'en-US': 'Name' }, required: true, example: '陈晓明' },
      {
        key: 'phones',
        header: { 'zh-CN': '电话', 'en-US': 'Phones' },
        required: true,
        example: '13812345678; 020-38881234',
      },
      {
        key: 'regionCode',
        header: { 'zh-CN': '区县编码', 'en-US': 'District code' },
        required: true,
        example: '440106',
      },
      {
        key: 'address',
        header: { 'zh-CN': '详细地址', 'en-US': 'Street address' },
        required: true,
        example: '天河北路 233 号中信广场 2 栋 1203',
      },
      { key: 'tags', header: { 'zh-CN': '标签', 'en-US': 'Tags' }, required: false, example: 'vip' },
      {
        key: 'serialNumber',
        header: { 'zh-CN': '机身序列号', 'en-US': 'Serial number' },
        required: false,
        example: 'KFR35GW2405A00123',
      },
      {
        key: 'modelCode',
        header: { 'zh-CN': '型号编码', 'en-US': 'Model code' },
        required: false,
        example: 'KFR-35GW/BP3DN8Y',
      },
      {
        key: 'purchaseDate',
        header: { 'zh-CN': '购买日期', 'en-US': 'Purchase date' },
        required: false,
        example: '2024-06-18',
      },
      {
        key: 'salesChannel',
        header: { 'zh-CN': '销售渠道', 'en-US': 'Sales channel' },
        required: false,
        example: '商场',
      },
    ],
    parse(cells) {
      const phones = splitList(requiredText(cells, 'phones', 200)).map((number, i) => ({
        number,
        label: /^1\d{10}$/.test(number.replace(/\D/g, '').replace(/^86/, '')) ? 'mobile' : 'home',
        isPrimary: i === 0,
      }));
      const serialNumber = optionalText(cells, 'serialNumber', 60);
      let unit: CustomerRow['unit'];
      if (serialNumber) {
        const modelCode = optionalText(cells, 'modelCode', 80);
        const purchaseDate = dateCell(cells, 'purchaseDate');
        if (!modelCode) throw bad('modelCode', 'A unit needs its model code.');
        if (!purchaseDate) throw bad('purchaseDate', 'A unit needs its purchase date.');
        const channelRaw = optionalText(cells, 'salesChannel', 20) ?? 'other';
        const salesChannel = matchOption(channelRaw, salesChannelOptions);
        if (!salesChannel)
          throw bad(
            'salesChannel',
            `"${channelRaw}" is not a sales channel (商场, 经销商, 电商, 工程, 其他).`,
          );
        unit = { serialNumber, modelCode, purchaseDate, salesChannel };
      }
      return {
        customer: {
          name: requiredText(cells, 'name', 60),
          phones,
          addresses: [
            {
              regionCode: requiredText(cells, 'regionCode', 6),
              detail: requiredText(cells, 'address', 200),
              isDefault: true,
            },
          ],
          tags: splitList(cells.tags),
        },
        unit,
      };
    },
    async apply(ctx, row) {
      const created = await customers.create(ctx, row.customer);
      if (!row.unit) return;
      const model = await catalog.modelByCode(row.unit.modelCode);
      if (!model) throw bad('modelCode', `No model has the code ${row.unit.modelCode}.`);
      await customers.units.create(ctx, {
        serialNumber: row.unit.serialNumber,
        modelId: model.id,
        customerId: created.id,
        addressId: created.addresses[0]?.id ?? null,
        purchaseDate: row.unit.purchaseDate,
        salesChannel: row.unit.salesChannel,
      });
    },
    columnOf: (path) => {
      const first = path.split('/').filter(Boolean)[0];
      if (first === 'addresses') return path.includes('regionCode') ? 'regionCode' : 'address';
      return first;
    },
  };
}
