import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { detectFormat, readTabularFile } from './tabular-file.ts';

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading import files', () => {
  it('reads a UTF-8 CSV with a BOM, keeps Excel row numbers and skips blank lines', async () => {
    const csv = Buffer.from('\uFEFF编码,名称\nGZ-001,广州天河服务部\n\n"SZ-002","深圳, 南山"\n', 'utf8');
    expect(detectFormat(csv)).toBe('csv');
    const t = await readTabularFile(csv);
    expect(t.headers).toEqual(['编码', '名称']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: { 编码: 'GZ-001', 名称: '广州天河服务部' } },
      { rowNumber: 4, cells: { 编码: 'SZ-002', 名称: '深圳, 南山' } },
    ]);
  });

  it('reads the first sheet of an xlsx, turning numbers and dates into text', async () => {
    const buf = await xlsx([
      ['code', 'qty', 'date'],
      ['A1', 3, new Date('2026-05-01T00:00:00Z')],
      [null, null, null],
      ['A2', 4.5, null],
    ]);
    expect(detectFormat(buf)).toBe('xlsx');
    const t = await readTabularFile(buf);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: { code: 'A1', qty: '3', date: '2026-05-01' } },
      { rowNumber: 4, cells: { code: 'A2', qty: '4.5', date: '' } },
    ]);
  });

  it('refuses a CSV that is not UTF-8 (GBK from old Excel) with advice', async () => {
    const gbk = Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x0a, 0x41, 0x0a]);
    await expect(readTabularFile(gbk)).rejects.toThrow(/UTF-8/);
  });

  it('refuses a broken workbook and an empty file with a 400 problem', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage')]);
    await expect(readTabularFile(broken)).rejects.toBeInstanceOf(AppError);
    await expect(readTabularFile(Buffer.from('\n\n'))).rejects.toThrow(/first row/);
  });
});
