import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ImportReport, Importer } from '../../platform/files/import-runner.ts';
import { runImport } from '../../platform/files/import-runner.ts';
import { readTabularFile } from '../../platform/files/tabular-file.ts';
import type { ExportLocale } from '../../platform/files/xlsx-export.ts';
import { requirePermission } from '../identity/index.ts';

export function createImportsService(deps: PlatformDeps, importers: readonly Importer<unknown>[]) {
  const find = (entity: string): Importer<unknown> => {
    const importer = importers.find((i) => i.entity === entity);
    if (!importer) throw notFound('Importer', entity);
    return importer;
  };

  return {
    describe(ctx: ServiceContext) {
      requirePermission(ctx, 'import.run');
      return {
        items: importers.map((i) => ({
          entity: i.entity,
          columns: i.columns.map((c) => ({
            key: c.key,
            header: c.header,
            required: c.required,
            example: c.example,
          })),
        })),
      };
    },

    async template(ctx: ServiceContext, entity: string, locale: ExportLocale): Promise<Buffer> {
      requirePermission(ctx, 'import.run');
      const importer = find(entity);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(entity);
      sheet.columns = importer.columns.map((c) => ({
        header: c.header[locale],
        key: c.key,
        width: Math.max(14, c.example.length + 4),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.addRow(Object.fromEntries(importer.columns.map((c) => [c.key, c.example])));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    async run(
      ctx: ServiceContext,
      entity: string,
      file: Buffer | undefined,
      options: { dryRun: boolean; fileName?: string | undefined },
    ): Promise<ImportReport> {
      requirePermission(ctx, 'import.run');
      const importer = find(entity);
      if (!file || file.length === 0) {
        throw new AppError('BAD_REQUEST', 'Send the .xlsx or .csv file as the request body.');
      }
      const table = await readTabularFile(file);
      const report = await runImport(deps, ctx, importer, table, options);
      if (report.applied) {
        await inTransaction(deps, (tx) =>
          writeAudit(tx, ctx, {
            entity: 'import',
            entityId: entity,
            action: 'import',
            after: { rows: report.rows, fileName: options.fileName ?? null },
          }),
        );
      }
      return report;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
