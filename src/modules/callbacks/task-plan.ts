import type { OrderType, ServiceMode } from '../work-orders/index.ts';
import type { CallbackTaskPlan, CallbackTaskPolicy } from './domain/callback-tasks.ts';
import { planCallbackTask } from './domain/callback-tasks.ts';
import type { OutletGrade } from './domain/callback-codes.ts';
import { isOneOf, outletGrades } from './domain/callback-codes.ts';
import type { BandMatrix, FeeTable, ServiceFee } from './domain/service-fee.ts';
import { standardServiceFee } from './domain/service-fee.ts';
import type { callbackTasks } from './callbacks.tables.ts';

/** The order columns a callback task is planned from. */
export interface PlannedOrder {
  id: string;
  number: string;
  orderType: string;
  categoryCode: string;
  serviceMode: string;
  regionCode: string;
  customerId: string;
}

export interface PlanPolicies {
  task: CallbackTaskPolicy;
  feeTable: FeeTable;
  matrix: BandMatrix;
  /** POL-1: the versions behind the plan, stored with the task. */
  versions: Record<string, number>;
}

export interface PlannedTask {
  row: typeof callbackTasks.$inferInsert;
  plan: CallbackTaskPlan;
  fee: ServiceFee;
}

/**
 * CB-2 / CB-3 / STL-1: the task row of a completed order — its standard fee at the outlet's band and grade,
 * then who calls, how often and by when. Shared by the `order.completed` handler and the demo history, so
 * both plan by the same rules. Null when no outlet served the order (nothing to verify or settle).
 */
export function plannedTask(
  order: PlannedOrder,
  outlet: { id: string; grade: string | null; band: number | null } | undefined,
  times: { workDoneAt: Date; enteredAt: Date },
  policies: PlanPolicies,
  ctx: { id: string; now: Date; tz: string; samplingSalt: string },
): PlannedTask | null {
  const grade: OutletGrade | null = isOneOf(outletGrades, outlet?.grade) ? outlet.grade : null;
  const fee = standardServiceFee(
    {
      categoryCode: order.categoryCode,
      orderType: order.orderType as OrderType,
      serviceMode: order.serviceMode as ServiceMode,
      band: outlet?.band ?? null,
      grade,
    },
    policies.feeTable,
    policies.matrix,
  );
  const decision = planCallbackTask(
    {
      orderId: order.id,
      orderType: order.orderType as OrderType,
      outletId: outlet ? outlet.id : null,
      outletGrade: grade,
      completedAt: times.workDoneAt,
      completionEnteredAt: times.enteredAt,
      settlementValueFen: fee.feeFen,
    },
    policies.task,
    { tz: ctx.tz, samplingSalt: ctx.samplingSalt },
  );
  if (!decision.needed) return null;
  const plan = decision.plan;
  return {
    plan,
    fee,
    row: {
      id: ctx.id,
      orderId: order.id,
      orderNumber: order.number,
      orderType: order.orderType,
      outletId: plan.outletId,
      regionCode: order.regionCode,
      customerId: order.customerId,
      caller: plan.caller,
      planReason: plan.reason,
      rounds: plan.rounds,
      highValue: plan.highValue,
      samplingGrade: plan.sampling.grade,
      samplingRate: plan.sampling.rate,
      samplingDraw: plan.sampling.draw,
      completedAt: times.workDoneAt,
      completionEnteredAt: times.enteredAt,
      lateEntry: plan.lateEntry.late,
      settlementValueFen: fee.feeFen,
      planPolicyVersions: policies.versions,
      dueAt: plan.dueAt,
      month: plan.month,
      status: 'open',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  };
}
