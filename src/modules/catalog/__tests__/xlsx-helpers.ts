import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/** Opens an xlsx reply: header row and data rows as plain values. */
export async function readXlsx(
  res: LightMyRequestResponse,
): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const values: unknown[][] = [];
  // Empty cells are holes in ExcelJS's sparse arrays; they come back as null.
  sheet.eachRow((row) => values.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
  return { header: values[0] ?? [], rows: values.slice(1) };
}
