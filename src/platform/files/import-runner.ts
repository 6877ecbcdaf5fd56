import type { ServiceContext } from '../auth/actor.ts';
import type { PlatformDeps } from '../deps.ts';
import { inTransaction } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { TabularFile } from './tabular-file.ts';

export interface ImportColumn {
  key: string;
  header: { 'zh-CN': string; 'en-US': string };
  required: boolean;
  /** Shown in the template's second row. */
  example: string;
}

export interface Importer<T> {
  entity: string;
  columns: readonly ImportColumn[];
  /** Turns one row's cells (by column key) into the use case's input; throws AppError with paths on bad cells. */
  parse(cells: Record<string, string>): T;
  /** Creates or updates through the module's own use case, so every rule, scope check and audit applies. */
  apply(ctx: ServiceContext, input: T): Promise<void>;
  /** Maps an error path from the use case (`/phones/0/number`) to a column key; default: first segment. */
  columnOf?(path: string): string | undefined;
}

export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  entity: string;
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  /** True only when every row was valid and the import was not a dry run: then all rows were written. */
  applied: boolean;
  errors: RowError[];
  ignoredColumns: string[];
}

const MAX_REPORTED_ERRORS = 1000;

class RollBack extends Error {}

function headerIndex(columns: readonly ImportColumn[], headers: readonly string[]) {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');
  const byHeader = new Map<string, ImportColumn>();
  for (const c of columns) {
    for (const h of [c.key, c.header['zh-CN'], c.header['en-US']]) byHeader.set(norm(h), c);
  }
  const mapping = new Map<string, ImportColumn>();
  const ignored: string[] = [];
  for (const h of headers) {
    const c = byHeader.get(norm(h));
    if (c) mapping.set(h, c);
    else if (h.trim() !== '') ignored.push(h);
  }
  const present = new Set([...mapping.values()].map((c) => c.key));
  const missing = columns.filter((c) => c.required && !present.has(c.key));
  return { mapping, ignored, missing };
}

function rowErrors(e: unknown, rowNumber: number, importer: Importer<unknown>): RowError[] {
  const columnName = (key: string | undefined) => {
    const col = importer.columns.find((c) => c.key === key);
    return col ? `${col.header['zh-CN']} (${col.key})` : null;
  };
  if (e instanceof AppError) {
    if (e.errors && e.errors.length > 0) {
      return e.errors.map((fe) => {
        const key = importer.columnOf?.(fe.path) ?? fe.path.split('/').filter(Boolean)[0];
        return { row: rowNumber, column: columnName(key), reason: fe.message };
      });
    }
    return [{ row: rowNumber, column: null, reason: e.message }];
  }
  // A database rejection the use case did not anticipate still names the row; details stay in the log.
  return [
    {
      row: rowNumber,
      column: null,
      reason: 'This row could not be saved (a value conflicts with existing data).',
    },
  ];
}

/**
 * Imports a file all-or-nothing: every row runs through the module's use case inside one transaction, each
 * in its own savepoint so that one bad row does not hide the next row's problems. Any bad row, or a dry run,
 * rolls everything back; the report lists each problem with its Excel row number and column. Inside a caller's
 * transaction (a request with an Idempotency-Key) the import is a savepoint of it, so a dry run or a bad row
 * rolls back the rows only, and the report is what a retry replays.
 */
export async function runImport<T>(
  deps: PlatformDeps,
  ctx: ServiceContext,
  importer: Importer<T>,
  file: TabularFile,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const { mapping, ignored, missing } = headerIndex(importer.columns, file.headers);
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The file lacks required columns: ${missing.map((c) => `${c.header['zh-CN']} (${c.key})`).join(', ')}. Download the template to see them.`,
      { errors: missing.map((c) => ({ path: `/columns/${c.key}`, message: 'Required column is missing.' })) },
    );
  }
  if (file.rows.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file has a header but no rows to import.');
  const errors: RowError[] = [];
  let invalid = 0;
  try {
    await inTransaction(deps, async () => {
      for (const row of file.rows) {
        const cells: Record<string, string> = {};
        for (const [header, value] of Object.entries(row.cells)) {
          const col = mapping.get(header);
          if (col) cells[col.key] = value;
        }
        try {
          const input = importer.parse(cells);
          await inTransaction(deps, () => importer.apply(ctx, input));
        } catch (e) {
          invalid++;
          for (const re of rowErrors(e, row.rowNumber, importer as Importer<unknown>)) {
            if (errors.length < MAX_REPORTED_ERRORS) errors.push(re);
          }
          if (!(e instanceof AppError)) deps.logger.warn({ err: e, row: row.rowNumber }, 'import row failed');
        }
      }
      if (options.dryRun || invalid > 0) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  const applied = !options.dryRun && invalid === 0;
  return {
    entity: importer.entity,
    dryRun: options.dryRun,
    rows: file.rows.length,
    valid: file.rows.length - invalid,
    invalid,
    applied,
    errors,
    ignoredColumns: ignored,
  };
}

/** Splits a cell holding several values ("空调:2; 冰箱:1", "13812345678,13912345678"). */
export const splitList = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/[;,，；、\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
