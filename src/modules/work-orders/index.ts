export { createWorkOrdersService, workOrdersRoutes } from './work-orders.module.ts';
export type { WorkOrdersService } from './work-orders.module.ts';
export { workOrders as workOrdersTable } from './work-orders.tables.ts';
export { customerOrderHistory } from './customer-history.ts';

// Pure rules and row shapes the demo order generator (demo module) runs, so its history obeys the same rules.
export * as workOrderTables from './work-orders.tables.ts';
export type {
  AppointmentRow,
  OrderEventRow,
  PartRequestRow,
  WorkOrderRow,
} from './work-orders.repository.ts';
export type { ContactRow, ResultRow } from './field-queries.ts';
export { orderStatuses, transition } from './domain/lifecycle.ts';
export type { ClosingBasis, OrderAction, OrderState, OrderStatus } from './domain/lifecycle.ts';
export type { RedispatchReasonCode } from './domain/lifecycle.ts';
export type { Channel, OrderType, ServiceMode } from './domain/order-codes.ts';
export { evaluateSla } from './domain/sla/sla-engine.ts';
export type { SlaEvaluation, SlaFacts } from './domain/sla/sla-engine.ts';
export { slaPolicyKeys } from './domain/sla/sla-rules.ts';
export type { MarketTier, SlaPolicies } from './domain/sla/sla-rules.ts';
export { proposeEngineer, proposeOutlet } from './domain/dispatch.ts';
export type { DispatchServiceType, EngineerCandidate, OutletCandidate } from './domain/dispatch.ts';
export { validateAppointmentWindow, validateReschedule, windowInstants } from './domain/appointments.ts';
export type { AppointmentWindow, RescheduleReasonCode, RescheduleRequester } from './domain/appointments.ts';
export { intermediateResultCodes, validateIntermediateResult } from './domain/intermediate-results.ts';
export type { ContactPerson, IntermediateResult } from './domain/intermediate-results.ts';
export { assessRepeatContact } from './domain/repeat-contacts.ts';
export type { ContactReason } from './domain/repeat-contacts.ts';
export { canClose } from './domain/closing.ts';
export { PROMISE_KEY, encodePerson, encodeReason, repeatContactFacts } from './field-facts.ts';
// Uploaded files are stored the same way across modules (callback appeal files use it too).
export { openStoredFile, removeStoredFile, sha256Hex, writeStoredFile } from './attachments-files.ts';
export { defaultFilesDir } from './field-attachments.service.ts';
