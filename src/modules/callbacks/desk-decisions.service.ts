import type { ServiceContext } from '../../platform/auth/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { businessDate } from '../../platform/time.ts';
import { createUserDirectory, inScope, requirePermission } from '../identity/index.ts';
import type { Finalisation } from './domain/callback-appeals.ts';
import { checkAppeal, finalisation, finalisedPayload } from './domain/callback-appeals.ts';
import type { CallbackFieldIssue } from './domain/callback-codes.ts';
import { samePhoneReasons } from './domain/callback-codes.ts';
import type { SettlementEffect } from './domain/callback-verdicts.ts';
import { settlementEffect, validateVerdict } from './domain/callback-verdicts.ts';
import type { TaskCase } from './desk-case.ts';
import { caseState, deskPolicies, loadCase, loadVisibleTask, refused } from './desk-case.ts';
import type { DeskReader } from './desk-reads.service.ts';
import { mayJudge } from './desk-rules.ts';
import type { AppealBody, AuditBody, VerdictBody } from './desk-schemas.ts';
import { appealViews, peopleOf, verdictView } from './desk-view.ts';
import type { NewTaskRow, TaskRow } from './desk.repository.ts';
import { deskRepository as repo } from './desk.repository.ts';

type StoredSettlement = SettlementEffect & { policyVersions: Record<string, number> };

const invalid = (message: string, issues: readonly CallbackFieldIssue[]) =>
  new AppError('VALIDATION_FAILED', message, { errors: issues });

const ids = (task: TaskRow) => ({ taskId: task.id, orderId: task.orderId, outletId: task.outletId });

/** The plan's fee policies, so a settlement effect names every version behind its amount (POL-1). */
function feeVersions(task: TaskRow): Record<string, number> {
  const plan = task.planPolicyVersions as Record<string, number>;
  return Object.fromEntries(
    ['stl.fee_table', 'net.grade.band_matrix'].filter((k) => k in plan).map((k) => [k, plan[k] as number]),
  );
}

/** CB-3 / CB-6 decisions on a task: verdicts, the outlet's appeal, finalisation and the supervisors' audit. */
export function createDeskDecisions(deps: PlatformDeps, reader: DeskReader) {
  const tz = deps.businessTimeZone;
  const users = createUserDirectory(deps.database.db);

  /** Emits `callback.finalised` once: only the call that moves final_at from null emits. */
  async function finalise(
    tx: Tx,
    ctx: ServiceContext,
    c: TaskCase,
    f: Extract<Finalisation, { final: true }>,
    settlement: StoredSettlement,
    extraVersions: Record<string, number>,
  ): Promise<TaskRow | undefined> {
    const updated = await repo.finaliseTask(tx, c.task.id, {
      status: 'final',
      verdict: f.verdict.verdict,
      finalAt: f.finalAt,
      finalBasis: f.basis,
      appealWindowClosesAt: null,
      updatedAt: ctx.now,
    });
    if (!updated) return undefined;
    const { policyVersions, ...effect } = settlement;
    await emitEvent(
      tx,
      ctx,
      'callback.finalised',
      finalisedPayload(ids(c.task), f, effect, {
        ...policyVersions,
        ...extraVersions,
      }) as unknown as Record<string, unknown>,
    );
    return updated;
  }

  return {
    /**
     * CB-6 verdict: the first after the planned calls, or the second agent's after an appeal (CB-3). What it
     * means for settlement is stored with it (CB-1); a verdict nobody can appeal is final at once.
     */
    async recordVerdict(ctx: ServiceContext, id: string, body: VerdictBody) {
      const actor = requirePermission(ctx, 'callback.judge');
      const now = ctx.now;
      const policies = await deskPolicies(deps, now);
      const out = await inTransaction(deps, async (tx) => {
        const task = await loadVisibleTask(tx, ctx, id, 'callback.judge', true);
        if (task.version !== body.version) throw versionConflict('Callback task', id, task.version);
        const c = await loadCase(tx, task);
        const may = mayJudge(c, actor, policies, { now, tz });
        if (!may.ok) throw refused(may.rule, may.reason, may.message, may.details);
        const conflicts = await reader.conflictsOf(tx, task);
        const checked = validateVerdict(
          { verdict: body.verdict, reasons: body.reasons, note: body.note ?? null },
          conflicts,
        );
        if (!checked.ok) {
          throw invalid(
            `Check the verdict: ${checked.issues.map((i) => i.message).join(' ')}`,
            checked.issues,
          );
        }
        const decision = checked.decision;
        let evidence = decision.evidenceOrderIds;
        if (body.evidenceOrderIds !== undefined) {
          const issues: CallbackFieldIssue[] = [];
          body.evidenceOrderIds.forEach((orderId, i) => {
            if (!decision.evidenceOrderIds.includes(orderId)) {
              issues.push({
                path: `/evidenceOrderIds/${i}`,
                code: 'EVIDENCE_NOT_FOUND',
                message: `Order ${orderId} is not an order with this phone under another name or address for the reasons given; cite one of the evidence orders.`,
              });
            }
          });
          evidence = [...new Set(body.evidenceOrderIds)].sort();
          if (evidence.length === 0 && decision.reasons.some((r) => samePhoneReasons.includes(r))) {
            issues.push({
              path: '/evidenceOrderIds',
              code: 'EVIDENCE_MISSING',
              message: 'A same-phone reason needs at least one of the conflicting orders as evidence.',
            });
          }
          if (issues.length > 0) throw invalid('Cite only the orders found as evidence.', issues);
        }
        const effect = settlementEffect(decision.verdict, task.settlementValueFen, policies.settlement);
        const settlement: StoredSettlement = {
          ...effect,
          policyVersions: { ...feeVersions(task), ...policies.versions.settlement },
        };
        const verdict = await repo.insertVerdict(tx, {
          id: newId('cbv', now),
          taskId: task.id,
          round: may.round,
          kind: may.kind,
          verdict: decision.verdict,
          reasons: decision.reasons,
          note: decision.note,
          evidenceOrderIds: evidence,
          agentId: actor.userId,
          recordedAt: now,
          settlement,
        });
        const after = caseState({ verdicts: [...c.verdicts, verdict], appeals: c.appeals });
        const f = finalisation(after, now, policies.appeal, tz);
        const patch: Partial<NewTaskRow> = {
          verdict: decision.verdict,
          verdictAt: now,
          updatedAt: now,
          status: 'judged',
          appealWindowClosesAt: f.final ? null : f.finalUnlessAppealedAt,
        };
        let updated = await repo.updateTask(tx, task.id, task.version, patch);
        if (!updated) throw versionConflict('Callback task', id, task.version);
        await writeAudit(tx, ctx, {
          entity: 'callback_task',
          entityId: task.id,
          action: 'verdict_recorded',
          after: {
            verdictId: verdict.id,
            round: verdict.round,
            kind: verdict.kind,
            verdict: verdict.verdict,
            reasons: decision.reasons,
            evidenceOrderIds: evidence,
            settlement: {
              kind: effect.kind,
              payableFen: effect.payableFen,
              deductionFen: effect.deductionFen,
            },
            final: f.final,
          },
          scopeOutletId: task.outletId,
          scopeRegionCode: task.regionCode,
        });
        await emitEvent(tx, ctx, 'callback.verdict_recorded', {
          ...ids(task),
          verdictId: verdict.id,
          round: verdict.round,
          kind: verdict.kind,
          verdict: verdict.verdict,
          reasons: decision.reasons,
          agentId: actor.userId,
          recordedAt: now.toISOString(),
          settlement,
          appealWindowClosesAt: patch.appealWindowClosesAt?.toISOString() ?? null,
        });
        if (f.final) {
          updated =
            (await finalise(tx, ctx, { ...c, task: updated }, f, settlement, policies.versions.appeal)) ??
            updated;
        }
        return { task: updated, verdict };
      });
      const names = await users.displayNames([actor.userId]);
      return { verdict: verdictView(out.verdict, names), task: await reader.detailOf(ctx, out.task) };
    },

    /** CB-3: the outlet appeals the result once, within the window, saying what is wrong. */
    async appeal(ctx: ServiceContext, id: string, body: AppealBody) {
      const actor = requirePermission(ctx, 'callback.appeal');
      const now = ctx.now;
      const out = await inTransaction(deps, async (tx) => {
        const task = await loadVisibleTask(tx, ctx, id, 'callback.appeal', true);
        if (task.version !== body.version) throw versionConflict('Callback task', id, task.version);
        const c = await loadCase(tx, task);
        const policy = await reader.appealPolicyOf(c, now);
        const check = checkAppeal(caseState(c), { at: now, statement: body.statement }, policy, { tz });
        if (!check.ok) throw refused(check.rule, check.code, check.message, check.details);
        const latest = c.verdicts.at(-1);
        if (!latest) throw new Error('checkAppeal allowed an appeal without a verdict.');
        const appeal = await repo.insertAppeal(tx, {
          id: newId('cbp', now),
          taskId: task.id,
          verdictId: latest.id,
          filedAt: now,
          filedBy: actor.userId,
          statement: body.statement.trim(),
        });
        const updated = await repo.updateTask(tx, task.id, task.version, {
          status: 'appealed',
          appealWindowClosesAt: null,
          updatedAt: now,
        });
        if (!updated) throw versionConflict('Callback task', id, task.version);
        await writeAudit(tx, ctx, {
          entity: 'callback_task',
          entityId: task.id,
          action: 'appealed',
          // The statement is the outlet's own words about a customer's order: it stays on the appeal.
          after: {
            appealId: appeal.id,
            verdictId: latest.id,
            appealNumber: check.appealNumber,
            statementLength: appeal.statement.length,
          },
          scopeOutletId: task.outletId,
          scopeRegionCode: task.regionCode,
        });
        await emitEvent(tx, ctx, 'callback.appealed', {
          ...ids(task),
          appealId: appeal.id,
          verdictId: latest.id,
          appealNumber: check.appealNumber,
          filedAt: now.toISOString(),
          filedBy: actor.userId,
        });
        return { task: updated, c: { ...c, appeals: [...c.appeals, appeal] } };
      });
      const names = await users.displayNames(peopleOf(out.c));
      const view = appealViews(out.c, names).at(-1);
      if (!view) throw new Error('The appeal was not saved.');
      return { appeal: view, task: await reader.detailOf(ctx, out.task) };
    },

    /**
     * CB-3: finalises every task whose appeal window closed unappealed. `record` audits the sweep itself
     * (someone asked for it); the worker's periodic sweep records only the tasks it finalised.
     */
    async finaliseDue(ctx: ServiceContext, options: { record?: boolean } = {}) {
      requirePermission(ctx, 'callback.audit');
      return inTransaction(deps, async (tx) => {
        const done: string[] = [];
        for (const id of await repo.dueForFinalisation(tx, ctx.now)) {
          const task = await repo.findTask(tx, id, true);
          if (!task || task.finalAt) continue;
          const c = await loadCase(tx, task);
          const policy = await reader.appealPolicyOf(c, ctx.now);
          const f = finalisation(caseState(c), ctx.now, policy, tz);
          const latest = c.verdicts.at(-1);
          if (!f.final || !latest) continue;
          const appealVersions = await Promise.all([
            deps.policies.at<number>('cb.appeal.window_days', latest.recordedAt),
            deps.policies.at<number>('cb.appeal.max_count', latest.recordedAt),
          ]);
          const finalised = await finalise(
            tx,
            ctx,
            c,
            f,
            latest.settlement as StoredSettlement,
            Object.fromEntries(appealVersions.map((v) => [v.key, v.version])),
          );
          if (!finalised) continue;
          await writeAudit(tx, ctx, {
            entity: 'callback_task',
            entityId: task.id,
            action: 'finalised',
            after: { basis: f.basis, finalAt: f.finalAt.toISOString(), verdict: f.verdict.verdict },
            scopeOutletId: task.outletId,
            scopeRegionCode: task.regionCode,
          });
          done.push(task.id);
        }
        if (options.record) {
          await writeAudit(tx, ctx, {
            entity: 'callback_sweep',
            // One sweep entity per business day: the audit trail lists who asked for the day's sweeps.
            entityId: businessDate(ctx.now, tz),
            action: 'finalise_due',
            after: { finalised: done.length, taskIds: done },
          });
        }
        return { finalised: done.length, taskIds: done };
      });
    },

    /** CB-3 客服主管当日单据当日审核: marks completion entries and verdicts audited (once; later marks keep the first). */
    async markAudited(ctx: ServiceContext, body: AuditBody) {
      const actor = requirePermission(ctx, 'callback.audit');
      const now = ctx.now;
      return inTransaction(deps, async (tx) => {
        const audited: {
          kind: 'completion_entry' | 'verdict';
          id: string;
          auditedAt: string;
          already: boolean;
        }[] = [];
        const seen = new Set<string>();
        for (const doc of body.documents) {
          const key = `${doc.kind}:${doc.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (doc.kind === 'completion_entry') {
            const task = await repo.findTask(tx, doc.id, true);
            if (!task || !inScope(actor.scope, task)) throw notFound('Completion entry', doc.id);
            const marked = await repo.markEntryAudited(tx, task.id, now, actor.userId);
            if (marked) {
              await writeAudit(tx, ctx, {
                entity: 'callback_task',
                entityId: task.id,
                action: 'entry_audited',
                after: { completionEnteredAt: task.completionEnteredAt.toISOString() },
                scopeOutletId: task.outletId,
                scopeRegionCode: task.regionCode,
              });
            }
            audited.push({
              kind: doc.kind,
              id: doc.id,
              auditedAt: (marked ? now : (task.entryAuditedAt ?? now)).toISOString(),
              already: !marked,
            });
          } else {
            const found = await repo.findVerdict(tx, doc.id);
            if (!found || !inScope(actor.scope, found.task)) throw notFound('Verdict', doc.id);
            const marked = await repo.markVerdictAudited(tx, doc.id, now, actor.userId);
            if (marked) {
              await writeAudit(tx, ctx, {
                entity: 'callback_verdict',
                entityId: doc.id,
                action: 'verdict_audited',
                after: { taskId: found.task.id, verdict: found.verdict.verdict },
                scopeOutletId: found.task.outletId,
                scopeRegionCode: found.task.regionCode,
              });
            }
            audited.push({
              kind: doc.kind,
              id: doc.id,
              auditedAt: (marked ? now : (found.verdict.auditedAt ?? now)).toISOString(),
              already: !marked,
            });
          }
        }
        return { audited };
      });
    },
  };
}

export type DeskDecisions = ReturnType<typeof createDeskDecisions>;
