import { AppError } from '../../../platform/errors.ts';

/** Cell parsers for imports: each failure names the column so the report can point at the cell. */
const bad = (column: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { errors: [{ path: `/${column}`, message }] });

export function requiredText(cells: Record<string, string>, column: string, max = 200): string {
  const v = (cells[column] ?? '').trim();
  if (v === '') throw bad(column, 'This cell is empty; it is required.');
  if (v.length > max) throw bad(column, `Use at most ${max} characters.`);
  return v;
}

export function optionalText(cells: Record<string, string>, column: string, max = 500): string | undefined {
  const v = (cells[column] ?? '').trim();
  if (v === '') return undefined;
  if (v.length > max) throw bad(column, `Use at most ${max} characters.`);
  return v;
}

export function integerCell(
  cells: Record<string, string>,
  column: string,
  min: number,
  max: number,
  fallback?: number,
): number {
  const raw = (cells[column] ?? '').trim();
  if (raw === '' && fallback !== undefined) return fallback;
  const n = Number(raw.replace(/,/g, ''));
  if (raw === '' || !Number.isInteger(n)) throw bad(column, `"${raw}" is not a whole number.`);
  if (n < min || n > max) throw bad(column, `Use a number from ${min} to ${max}.`);
  return n;
}

/** "1,234.5" yuan → 123450 fen; money never passes through a float multiplication. */
export function yuanToFen(cells: Record<string, string>, column: string): number | undefined {
  const raw = (cells[column] ?? '').trim().replace(/[¥￥,\s]/g, '');
  if (raw === '') return undefined;
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!m) throw bad(column, `"${cells[column]}" is not an amount in yuan (e.g. 1234.50; no negatives).`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const truthy = new Set(['是', 'y', 'yes', 'true', '1', '启用', '在职', 'active']);
const falsy = new Set(['否', 'n', 'no', 'false', '0', '停用', '离职', 'inactive']);

export function booleanCell(cells: Record<string, string>, column: string, fallback: boolean): boolean {
  const raw = (cells[column] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (truthy.has(raw)) return true;
  if (falsy.has(raw)) return false;
  throw bad(column, `Write 是 or 否 (yes or no), not "${cells[column]}".`);
}

export function dateCell(cells: Record<string, string>, column: string): string | undefined {
  const raw = (cells[column] ?? '').trim().replace(/[/.]/g, '-');
  if (raw === '') return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (!m) throw bad(column, `"${cells[column]}" is not a date like 2026-05-01.`);
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw bad(column, `${iso} is not a real date.`);
  return iso;
}

/** Picks a code by its code or its Chinese or English name ("空调", "Air conditioner", "air_conditioner"). */
export function codeCell(
  cells: Record<string, string>,
  column: string,
  options: readonly { code: string; nameZh: string; nameEn: string }[],
): string {
  const raw = requiredText(cells, column).toLowerCase();
  const hit = options.find((o) => [o.code, o.nameZh, o.nameEn].some((n) => n.toLowerCase() === raw));
  if (!hit)
    throw bad(column, `"${cells[column]}" is not one of: ${options.map((o) => o.nameZh).join('、')}.`);
  return hit.code;
}
