import { systemContext } from '../../platform/auth/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/database.ts';
import { runInTransactionContext } from '../../platform/db/ambient-transaction.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import type { EventHandler } from '../../platform/outbox/event-bus.ts';
import type { CallbackTaskPolicy } from './domain/callback-tasks.ts';
import type { BandMatrix, FeeTable } from './domain/service-fee.ts';
import { deskRepository as repo } from './desk.repository.ts';
import { plannedTask } from './task-plan.ts';

/** Purpose of the keyed digest that seeds CB-2 sampling: derived from the server secret, never stored. */
const SAMPLING_SALT_PURPOSE = 'callback-sampling';

/**
 * CB-2 / CB-3: plans the callback task of a completed order. The sampling salt is a keyed digest of the
 * server's secret, so an outlet cannot work out which of its orders HQ will skip.
 */
export function createTaskPlanner(deps: PlatformDeps) {
  const tz = deps.businessTimeZone;
  const samplingSalt = deps.crypto.blindIndex(SAMPLING_SALT_PURPOSE, 'v1');

  async function policiesAt(at: Date) {
    const p = deps.policies;
    const [rates, threshold, count, dueDays, entryHours, feeTable, matrix] = await Promise.all([
      p.at<CallbackTaskPolicy['samplingRateByGrade']>('cb.sampling.rate_by_grade', at),
      p.at<number>('cb.high_value.threshold_fen', at),
      p.at<number>('cb.high_value.callback_count', at),
      p.at<number>('cb.callback.due_days', at),
      p.at<number>('cb.completion_entry.max_hours', at),
      p.at<FeeTable>('stl.fee_table', at),
      p.at<BandMatrix>('net.grade.band_matrix', at),
    ]);
    return {
      task: {
        samplingRateByGrade: rates.value,
        highValueThresholdFen: threshold.value,
        highValueCallbackCount: count.value,
        dueDays: dueDays.value,
        completionEntryMaxHours: entryHours.value,
      } satisfies CallbackTaskPolicy,
      feeTable: feeTable.value,
      matrix: matrix.value,
      versions: Object.fromEntries(
        [rates, threshold, count, dueDays, entryHours, feeTable, matrix].map((v) => [v.key, v.version]),
      ),
    };
  }

  /** Plans the task of one completed order in `tx`; nothing happens when it has one or needs none. */
  async function planOrder(tx: Tx, orderId: string): Promise<string | null> {
    const order = await repo.order(tx, orderId);
    if (!order?.completedAt || (await repo.taskOfOrder(tx, orderId))) return null;
    const enteredAt = order.completedAt;
    // The order records when the completion was entered, not when the work was finished. On site the work is
    // done at the visit, so the last visit started is the instant the CB-3 72 h limit runs from; other modes
    // (carry-in, pick-up) are repaired in the workshop at a time nobody records, so no late entry is found.
    const workDoneAt =
      order.serviceMode === 'on_site'
        ? ((await repo.lastVisitStart(tx, order.id, enteredAt)) ?? enteredAt)
        : enteredAt;
    const outlet = order.outletId ? await repo.outlet(tx, order.outletId) : undefined;
    const policies = await policiesAt(enteredAt);
    const now = deps.clock.now();
    const id = newId('cbt', now);
    const planned = plannedTask(order, outlet, { workDoneAt, enteredAt }, policies, {
      id,
      now,
      tz,
      samplingSalt,
    });
    if (!planned) return null;
    const { plan, fee } = planned;
    const inserted = await repo.insertTask(tx, planned.row);
    if (!inserted) return null;
    await writeAudit(tx, systemContext(now), {
      entity: 'callback_task',
      entityId: id,
      action: 'planned',
      after: {
        orderId: order.id,
        caller: plan.caller,
        reason: plan.reason,
        rounds: plan.rounds,
        dueAt: plan.dueAt.toISOString(),
        lateEntry: plan.lateEntry.late,
        settlementValueFen: fee.feeFen,
        multiplier: fee.multiplier,
        policyVersions: policies.versions,
      },
      scopeOutletId: plan.outletId,
      scopeRegionCode: order.regionCode,
    });
    return id;
  }

  return { planOrder };
}

export type TaskPlanner = ReturnType<typeof createTaskPlanner>;

/** `order.completed` → a callback task (CB-2). Idempotent: one task per order, whatever is redelivered. */
export function callbackPlanningHandler(planner: TaskPlanner): EventHandler {
  return {
    name: 'callbacks.plan-task',
    topics: ['order.completed'],
    async handle(event, tx) {
      const orderId = (event.payload as { orderId?: unknown }).orderId;
      if (typeof orderId !== 'string') return;
      // Reads through the ambient handle (policies) must join this transaction, not wait for it.
      await runInTransactionContext(tx, () => planner.planOrder(tx, orderId));
    },
  };
}
