import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportLocale = 'zh-CN' | 'en-US';
export type CellValue = string | number | boolean | Date | null | undefined;

export interface ExportColumn<T> {
  header: { 'zh-CN': string; 'en-US': string };
  value: (row: T) => CellValue;
  /** Characters; defaults to the header's length plus padding. */
  width?: number;
  /** Excel number format, e.g. '¥#,##0.00' for money already divided by 100, or 'yyyy-mm-dd hh:mm'. */
  numFmt?: string;
}

/** Upper bound of rows one export may hold; lists beyond it must be filtered first. */
export const MAX_EXPORT_ROWS = 50_000;

/** One worksheet with a bold, frozen header row, the columns the list page shows, in the reader's language. */
export async function toXlsxBuffer<T>(
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: Iterable<T>,
  locale: ExportLocale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aftersales';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header[locale],
    key: `c${i}`,
    width: c.width ?? Math.max(10, c.header[locale].length * 2 + 4),
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(row) ?? null])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer): FastifyReply {
  const safe = filename.replace(/[^\w.-]+/g, '_');
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(buffer);
}

/** The language of an export: an explicit `lang` wins, then the user's saved locale, then zh-CN. */
export function exportLocale(lang: string | undefined, userLocale: string | undefined): ExportLocale {
  const pick = lang ?? userLocale;
  return pick === 'en-US' ? 'en-US' : 'zh-CN';
}
