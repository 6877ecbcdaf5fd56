import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../errors.ts';

export type TabularFormat = 'xlsx' | 'csv';

export interface TabularRow {
  /** The row number a person sees in Excel (the header is row 1). */
  rowNumber: number;
  cells: Record<string, string>;
}

export interface TabularFile {
  headers: string[];
  rows: TabularRow[];
}

export const MAX_IMPORT_ROWS = 50_000;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Guesses the format from the bytes, not the name: an xlsx is a zip, anything else must be UTF-8 text. */
export function detectFormat(buffer: Buffer): TabularFormat {
  return buffer.subarray(0, 4).equals(XLSX_MAGIC) ? 'xlsx' : 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined && value.result !== null) return String(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

/** Reads the first sheet of an xlsx or a CSV (UTF-8, BOM tolerated) into header + rows of trimmed strings. */
export async function readTabularFile(buffer: Buffer): Promise<TabularFile> {
  const format = detectFormat(buffer);
  let matrix: string[][];
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new AppError(
        'BAD_REQUEST',
        'The file is not a readable .xlsx workbook. Save it again from Excel or WPS, or upload a CSV.',
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('BAD_REQUEST', 'The workbook has no sheet.');
    matrix = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      matrix[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
    });
    matrix = Array.from(matrix, (r) => r ?? []);
  } else {
    const text = buffer.toString('utf8');
    if (text.includes('\uFFFD')) {
      throw new AppError(
        'BAD_REQUEST',
        'The CSV is not UTF-8. In Excel choose "CSV UTF-8", or upload the .xlsx instead.',
      );
    }
    try {
      matrix = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      throw new AppError('BAD_REQUEST', `The CSV could not be read: ${(e as Error).message}`);
    }
    matrix = matrix.map((r) => r.map((c) => c.trim()));
  }
  const [header, ...body] = matrix;
  if (!header || header.every((h) => h === ''))
    throw new AppError('BAD_REQUEST', 'The first row must name the columns.');
  const rows: TabularRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    rows.push({ rowNumber: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
    );
  }
  return { headers: header, rows };
}
