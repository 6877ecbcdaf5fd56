import type { ServiceContext } from '../../platform/auth/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { requirePermission } from '../identity/index.ts';
import { unreachablePayload } from './domain/callback-appeals.ts';
import type { CallbackCaller, CallbackFieldIssue } from './domain/callback-codes.ts';
import { answeredOutcomes } from './domain/callback-codes.ts';
import type { CallbackAnswers } from './domain/callback-questionnaire.ts';
import {
  closingCallbackFact,
  isSatisfied,
  validateCallbackAnswers,
} from './domain/callback-questionnaire.ts';
import { deskPolicies, loadCase, loadVisibleTask, progressOf, refused } from './desk-case.ts';
import type { DeskPorts } from './desk-ports.ts';
import type { DeskReader } from './desk-reads.service.ts';
import { mayCall } from './desk-rules.ts';
import type { AttemptBody } from './desk-schemas.ts';
import { attemptView } from './desk-view.ts';
import { deskRepository as repo } from './desk.repository.ts';
import type { NewTaskRow } from './desk.repository.ts';
import { createUserDirectory } from '../identity/index.ts';

/** CB-5 calls: one attempt per request, in the slot the clock says, with the CB-4 answers when someone knew. */
export function createDeskCalls(deps: PlatformDeps, ports: DeskPorts, reader: DeskReader) {
  const tz = deps.businessTimeZone;
  const users = createUserDirectory(deps.database.db);

  function answersOf(body: AttemptBody): CallbackAnswers | null {
    if (answeredOutcomes.includes(body.outcome)) {
      const checked = validateCallbackAnswers(body.answers ?? null, '/answers');
      if (!checked.ok) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Complete the callback answers: ${checked.issues.map((i) => i.message).join(' ')}`,
          { errors: checked.issues },
        );
      }
      return checked.answers;
    }
    if (body.answers !== undefined) {
      const issue: CallbackFieldIssue = {
        path: '/answers',
        code: 'ANSWERS_NOT_EXPECTED',
        message: 'Remove the answers: nobody who knows about the service answered.',
      };
      throw new AppError(
        'VALIDATION_FAILED',
        'Answers are recorded only when someone who knows about the service answered; remove them or change the outcome.',
        { errors: [issue] },
      );
    }
    return null;
  }

  return {
    /**
     * CB-5: records one call. A call that reached someone who knows carries the CB-4 answers and, while the
     * order waits for its closing callback, is recorded on the order too (WO-6.1). The last failed call of
     * the first round gives the task up as unreachable, which is final.
     */
    async recordAttempt(ctx: ServiceContext, id: string, body: AttemptBody) {
      const actor = requirePermission(ctx, 'callback.call');
      const answers = answersOf(body);
      const note = body.note?.trim() || null;
      const policies = await deskPolicies(deps, ctx.now);
      const now = ctx.now;
      const out = await inTransaction(deps, async (tx) => {
        const task = await loadVisibleTask(tx, ctx, id, 'callback.call', true);
        if (task.version !== body.version) throw versionConflict('Callback task', id, task.version);
        const c = await loadCase(tx, task);
        const may = mayCall(c, actor, body.outcome, policies, { now, tz });
        if (!may.ok) throw refused(may.rule, may.reason, may.message, may.details);
        const verdictRound = may.progress.verdictRound;
        const satisfied = answers ? isSatisfied(answers, policies.minSatisfiedScore) : null;
        const attempt = await repo.insertAttempt(tx, {
          id: newId('cba', now),
          taskId: task.id,
          verdictRound,
          at: now,
          slot: may.check.slot,
          outcome: body.outcome,
          agentId: actor.userId,
          answers,
          satisfied,
          note,
        });
        const after = progressOf(
          { ...c, attempts: [...c.attempts, attempt] },
          verdictRound,
          policies.attempt,
          {
            now,
            tz,
          },
        );
        const gaveUp = verdictRound === 1 && after.progress.status === 'unreachable';
        const patch: Partial<NewTaskRow> = gaveUp
          ? { status: 'unreachable', finalAt: now, finalBasis: 'UNREACHABLE', updatedAt: now }
          : { updatedAt: now };
        const updated = await repo.updateTask(tx, task.id, task.version, patch);
        if (!updated) throw versionConflict('Callback task', id, task.version);
        await writeAudit(tx, ctx, {
          entity: 'callback_task',
          entityId: task.id,
          action: 'attempt_recorded',
          after: {
            attemptId: attempt.id,
            verdictRound,
            slot: attempt.slot,
            outcome: attempt.outcome,
            satisfaction: answers?.satisfaction ?? null,
            satisfied,
            gaveUp,
          },
          scopeOutletId: task.outletId,
          scopeRegionCode: task.regionCode,
        });
        if (gaveUp) {
          await emitEvent(
            tx,
            ctx,
            'callback.finalised',
            unreachablePayload(
              { taskId: task.id, orderId: task.orderId, outletId: task.outletId },
              now,
              policies.versions.attempt,
            ) as unknown as Record<string, unknown>,
          );
        }
        let orderCallback: { id: string; by: string; reached: boolean; satisfied: boolean } | null = null;
        if (answers) {
          const order = await repo.order(tx, task.orderId);
          if (order?.status === 'completed') {
            const fact = closingCallbackFact(
              { at: now, outcome: body.outcome },
              answers,
              task.caller as CallbackCaller,
              policies.minSatisfiedScore,
            );
            const recorded = await ports.orders.callback(ctx, order.id, {
              reached: fact.reached,
              satisfied: fact.satisfied,
              note: null,
            });
            orderCallback = {
              id: recorded.callback.id,
              by: recorded.callback.by,
              reached: recorded.callback.reached,
              satisfied: recorded.callback.satisfied === true,
            };
          }
        }
        return { task: updated, attempt, orderCallback };
      });
      const names = await users.displayNames([actor.userId]);
      return {
        attempt: attemptView(out.attempt, names),
        orderCallback: out.orderCallback,
        task: await reader.detailOf(ctx, out.task),
      };
    },
  };
}
