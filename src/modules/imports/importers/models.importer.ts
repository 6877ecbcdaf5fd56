import type { Importer } from '../../../platform/files/import-runner.ts';
import { splitList } from '../../../platform/files/import-runner.ts';
import type { CatalogService } from '../../catalog/index.ts';
import { MAX_WARRANTY_MONTHS, productCategorySeed } from '../../catalog/index.ts';
import { booleanCell, codeCell, integerCell, optionalText, requiredText, yuanToFen } from './cells.ts';

type CreateModel = Parameters<CatalogService['createModel']>[1];

/** MD-1/MD-3: the product archive, one model per row, through the catalogue's own create use case. */
export function modelsImporter(catalog: CatalogService): Importer<CreateModel> {
  return {
    entity: 'models',
    columns: [
      {
        key: 'code',
        header: { 'zh-CN': '型号编码', 'en-US': 'Model code' },
        required: true,
        example: 'KFR-35GW/BP3DN8Y',
      },
      {
        key: 'name',
        header: { 'zh-CN': '型号名称', 'en-US': 'Model name' },
        required: true,
        example: '1.5匹变频挂机',
      },
      {
        key: 'categoryCode',
        header: { 'zh-CN': '品类', 'en-US': 'Category' },
        required: true,
        example: '空调',
      },
      {
        key: 'warrantyMonths',
        header: { 'zh-CN': '整机保修(月)', 'en-US': 'Unit warranty (months)' },
        required: true,
        example: '72',
      },
      {
        key: 'keyPartsWarrantyMonths',
        header: { 'zh-CN': '主要部件保修(月)', 'en-US': 'Key-part warranty (months)' },
        required: true,
        example: '120',
      },
      {
        key: 'keyParts',
        header: { 'zh-CN': '主要部件', 'en-US': 'Key parts' },
        required: false,
        example: '压缩机;电脑板',
      },
      {
        key: 'dealerPrice',
        header: { 'zh-CN': '经销商结算价(元)', 'en-US': 'Dealer price (yuan)' },
        required: false,
        example: '2399.00',
      },
      { key: 'active', header: { 'zh-CN': '启用', 'en-US': 'Active' }, required: false, example: '是' },
    ],
    parse: (cells) => ({
      code: requiredText(cells, 'code', 80),
      name: requiredText(cells, 'name', 120),
      categoryCode: codeCell(cells, 'categoryCode', productCategorySeed),
      warrantyMonths: integerCell(cells, 'warrantyMonths', 0, MAX_WARRANTY_MONTHS),
      keyPartsWarrantyMonths: integerCell(cells, 'keyPartsWarrantyMonths', 0, MAX_WARRANTY_MONTHS),
      keyParts: splitList(optionalText(cells, 'keyParts')),
      dealerPriceFen: yuanToFen(cells, 'dealerPrice') ?? null,
      active: booleanCell(cells, 'active', true),
    }),
    apply: async (ctx, input) => {
      await catalog.createModel(ctx, input);
    },
    columnOf: (path) =>
      path.startsWith('/dealerPriceFen') ? 'dealerPrice' : path.split('/').filter(Boolean)[0],
  };
}
