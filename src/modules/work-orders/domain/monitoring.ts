/**
 * Dispatcher monitoring (WO-9, WO-10, WO-11, WO-14, WO-15) in one import for the service layer; each rule
 * lives in its own small file.
 */
export { startOfDayList, endOfDayReconciliation } from './shift-watch.ts';
export type {
  LoggedContact,
  RedispatchFact,
  StartOfDayInput,
  StartOfDayList,
  SentOrder,
  Reconciliation,
} from './shift-watch.ts';
export { backlogReport, escalationLevels } from './backlog.ts';
export type {
  BacklogItem,
  BacklogOrderFacts,
  BacklogPolicy,
  BacklogReport,
  EscalationLevel,
  OutletBacklog,
} from './backlog.ts';
export { partsWarnings, partFitDeadline, partRequestDeadline } from './parts-cutoff.ts';
export type { ArrivedPartFacts, PartsWarning, PartsWarningCode, VisitPartsFacts } from './parts-cutoff.ts';
export { median, orderSixFirsts, outletSixFirsts, percentile, sixFirstSteps } from './six-firsts.ts';
export type {
  OrderSixFirsts,
  OutletSixFirsts,
  SixFirstStep,
  SixFirstsFacts,
  StepLatency,
  StepStats,
} from './six-firsts.ts';
export { dispatcherBoard } from './dispatcher-board.ts';
export type { BoardEntry, BoardOrderFacts, DispatcherBoard } from './dispatcher-board.ts';
