import type { PlatformDeps } from '../../platform/deps.ts';
import { createFieldAppointments } from './field-appointments.service.ts';
import { createFieldAttachments, defaultFilesDir } from './field-attachments.service.ts';
import { createFieldContacts } from './field-contacts.service.ts';
import { createFieldParts } from './field-parts.service.ts';
import { createFieldResults } from './field-results.service.ts';
import { createDispatchMonitoring } from './monitoring-dispatch.service.ts';
import { createEngineerJobs } from './monitoring-engineer.service.ts';
import { createReportMonitoring } from './monitoring-reports.service.ts';
import type { OrderStore } from './order-store.ts';

export interface FieldServiceOptions {
  /** Where photos are stored (config.filesDir); defaults to a folder in the OS temp directory. */
  filesDir?: string | undefined;
}

/** Field work (appointments, results, parts, repeat contacts, photos) and dispatcher monitoring. */
export function createFieldService(deps: PlatformDeps, store: OrderStore, options: FieldServiceOptions = {}) {
  const filesDir = options.filesDir ?? defaultFilesDir();
  return {
    appointments: createFieldAppointments(deps, store),
    results: createFieldResults(deps, store),
    parts: createFieldParts(deps, store),
    contacts: createFieldContacts(deps, store),
    attachments: createFieldAttachments(deps, store, filesDir),
    dispatch: createDispatchMonitoring(deps, store),
    reports: createReportMonitoring(deps, store),
    engineer: createEngineerJobs(deps, store),
  };
}

export type FieldService = ReturnType<typeof createFieldService>;
