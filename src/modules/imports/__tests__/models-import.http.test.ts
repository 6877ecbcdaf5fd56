import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';

const header = [
  '型号编码',
  '型号名称',
  '品类',
  '整机保修(月)',
  '主要部件保修(月)',
  '主要部件',
  '经销商结算价(元)',
];

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('models');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing product models (MD-1, MD-3)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  const upload = (body: Buffer, dryRun: boolean, type = 'application/octet-stream') =>
    h.request({
      method: 'POST',
      url: `/api/imports/models?dryRun=${dryRun}&fileName=models.xlsx`,
      headers: { ...admin, 'content-type': type },
      payload: body,
    });
  const modelCount = async () =>
    Number((await h.testDb.database.executeSql('select count(*) as n from product_models', [])).rows[0]?.n);

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  const good = [
    ['KFR-35GW/IMP1', '1.5匹变频挂机', '空调', 72, 120, '压缩机;电脑板', '2399.00'],
    ['XQG100-IMP2', '10公斤滚筒洗衣机', 'washing_machine', 36, 120, '电机', '1,899.5'],
    ['BCD-IMP3', '对开门冰箱', 'Refrigerator', 36, 144, '压缩机', ''],
  ];

  it('MD-1 a dry run of a broken file reports every bad cell with row, column and reason, and writes nothing', async () => {
    const before = await modelCount();
    const file = await workbook([
      ...good,
      ['BAD-1', '坏行', '电饭煲', 12, 24, '', ''],
      ['BAD-2', '坏行', '空调', 'twelve', 24, '', '-5'],
      ['KFR-35GW/IMP1', '重复编码', '空调', 12, 12, '', ''],
    ]);
    const res = await upload(file, true);
    expect(res.statusCode).toBe(200);
    const report = res.json() as {
      rows: number;
      valid: number;
      invalid: number;
      applied: boolean;
      errors: { row: number; column: string | null; reason: string }[];
    };
    expect(report).toMatchObject({ rows: 6, valid: 3, invalid: 3, applied: false });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 5, column: '品类 (categoryCode)' }),
        expect.objectContaining({ row: 6, column: '整机保修(月) (warrantyMonths)' }),
        expect.objectContaining({ row: 7, column: '型号编码 (code)' }),
      ]),
    );
    expect(await modelCount()).toBe(before);
  });

  it('MD-1 an import is all-or-nothing: one bad row and no row is written', async () => {
    const before = await modelCount();
    const res = await upload(await workbook([...good, ['BAD-3', '坏行', '空调', 500, 24, '', '']]), false);
    expect(res.json()).toMatchObject({ applied: false, invalid: 1 });
    expect(await modelCount()).toBe(before);
  });

  it('MD-3 a clean file is written whole, with warranty terms and prices in fen, and audited once', async () => {
    const before = await modelCount();
    const res = await upload(await workbook(good), false);
    expect(res.json()).toMatchObject({ applied: true, rows: 3, valid: 3, invalid: 0, errors: [] });
    expect(await modelCount()).toBe(before + 3);
    const { rows } = await h.testDb.database.executeSql(
      `select code, warranty_months, key_parts_warranty_months, key_parts, dealer_price_fen from product_models where code like '%IMP%' order by code`,
      [],
    );
    expect(rows).toEqual([
      {
        code: 'BCD-IMP3',
        warranty_months: 36,
        key_parts_warranty_months: 144,
        key_parts: ['压缩机'],
        dealer_price_fen: null,
      },
      {
        code: 'KFR-35GW/IMP1',
        warranty_months: 72,
        key_parts_warranty_months: 120,
        key_parts: ['压缩机', '电脑板'],
        dealer_price_fen: 239900,
      },
      {
        code: 'XQG100-IMP2',
        warranty_months: 36,
        key_parts_warranty_months: 120,
        key_parts: ['电机'],
        dealer_price_fen: 189950,
      },
    ]);
    const audits = await h.testDb.database.executeSql(
      `select count(*) as n from audit_log where entity = 'import' and entity_id = 'models'`,
      [],
    );
    expect(Number(audits.rows[0]?.n)).toBe(1);
  });

  it('reads the same data from a UTF-8 CSV with a BOM, and refuses a file without the required columns', async () => {
    const csv = Buffer.from(`\uFEFF${header.join(',')}\nDW-IMP4,洗碗机,洗碗机,24,60,电机,\n`, 'utf8');
    expect((await upload(csv, false, 'text/csv')).json()).toMatchObject({ applied: true, rows: 1 });
    const missing = await upload(Buffer.from('编码,名称\nx,y\n'), true, 'text/csv');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('型号编码');
  });

  it('offers a template in both languages and refuses importers that do not exist or roles without the right', async () => {
    const t = await h.request({
      method: 'GET',
      url: '/api/imports/models/template.xlsx?lang=en-US',
      headers: admin,
    });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('Model code');
    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/imports/nothing?dryRun=true',
          headers: { ...admin, 'content-type': 'text/csv' },
          payload: 'a\n1',
        })
      ).statusCode,
    ).toBe(404);
    const agent = await h.login('agent');
    expect((await h.request({ method: 'GET', url: '/api/imports', headers: agent })).statusCode).toBe(403);
  });
});
