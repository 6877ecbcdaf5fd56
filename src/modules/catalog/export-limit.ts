import { AppError } from '../../platform/errors.ts';
import { MAX_EXPORT_ROWS } from '../../platform/files/xlsx-export.ts';

/** An export holds what the list shows, all pages of it, up to the platform's limit. */
export function assertExportSize(total: number): void {
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `The export would hold ${total.toLocaleString('en-US')} rows; at most ${MAX_EXPORT_ROWS.toLocaleString('en-US')} fit in one file. Narrow the filters and export again.`,
      { details: { total, limit: MAX_EXPORT_ROWS } },
    );
  }
}

export { MAX_EXPORT_ROWS };
