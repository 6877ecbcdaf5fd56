export { callbacksRoutes, createCallbacksService } from './callbacks.module.ts';
export type { CallbacksService } from './callbacks.module.ts';
export { callbackPlanningHandler } from './desk-planning.ts';
export { startFinalisationSweep } from './desk.service.ts';
export type { DeskPorts } from './desk-ports.ts';

// Pure rules and row shapes the demo generator (demo module) plays, so its callback history obeys them.
export * as callbackTables from './callbacks.tables.ts';
export { plannedTask } from './task-plan.ts';
export type { PlanPolicies } from './task-plan.ts';
export type { CallbackTaskPolicy } from './domain/callback-tasks.ts';
export { callSlotOf } from './domain/callback-attempts.ts';
export type { SlotStarts } from './domain/callback-attempts.ts';
export { isSatisfied } from './domain/callback-questionnaire.ts';
export type { CallbackAnswers } from './domain/callback-questionnaire.ts';
export { appealWindowClosesAt, finalisation } from './domain/callback-appeals.ts';
export { settlementEffect } from './domain/callback-verdicts.ts';
export type { SettlementEffectPolicy } from './domain/callback-verdicts.ts';
export type { BandMatrix, FeeTable } from './domain/service-fee.ts';
export type { OutletGrade, Verdict, VerdictReason } from './domain/callback-codes.ts';
