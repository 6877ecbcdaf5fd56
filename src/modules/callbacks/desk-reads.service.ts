import type { Static } from 'typebox';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { addCalendarDays, businessDate, businessDayStart, parseBusinessDate } from '../../platform/time.ts';
import { maskName, createCatalogLookup } from '../catalog/index.ts';
import { createUserDirectory, requirePermission } from '../identity/index.ts';
import { openStoredFile } from '../work-orders/index.ts';
import type { AppealPolicy } from './domain/callback-appeals.ts';
import { sameDayAuditList } from './domain/callback-appeals.ts';
import type { AuditDocument } from './domain/callback-appeals.ts';
import type { CallbackCaller, Verdict } from './domain/callback-codes.ts';
import type { SamePhoneConflict } from './domain/callback-verdicts.ts';
import { monthEndClearance } from './domain/callback-tasks.ts';
import { isMonth, monthOf } from './domain/callback-time.ts';
import type { TaskCase } from './desk-case.ts';
import { deskPolicies, loadCase, loadVisibleTask, roundsAnswered } from './desk-case.ts';
import type { DeskPorts } from './desk-ports.ts';
import type { TaskRow } from './desk.repository.ts';
import { deskRepository as repo, taskScopeWhere } from './desk.repository.ts';
import type { AuditList, MonthEnd, QueueQuery, TaskDetail } from './desk-schemas.ts';
import { isOverdue, peopleOf, taskDetail } from './desk-view.ts';

/** Reads of the callback desk: the queue, a task's detail, evidence, the audit list and month-end. */
export function createDeskReader(deps: PlatformDeps, ports: DeskPorts) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;
  const users = createUserDirectory(db);
  const lookup = createCatalogLookup(db);

  /** CB-3: the appeal policy in force when the latest verdict was recorded fixes that verdict's window. */
  async function appealPolicyOf(c: Pick<TaskCase, 'verdicts'>, now: Date): Promise<AppealPolicy> {
    const at = c.verdicts.at(-1)?.recordedAt ?? now;
    const [windowDays, maxAppeals] = await Promise.all([
      deps.policies.at<number>('cb.appeal.window_days', at),
      deps.policies.at<number>('cb.appeal.max_count', at),
    ]);
    return { windowDays: windowDays.value, maxAppeals: maxAppeals.value };
  }

  /** CB-6: other orders of the same phone under another name or address, as order ids and flags only. */
  async function conflictsOf(ex: Executor, task: TaskRow): Promise<SamePhoneConflict[]> {
    const order = await repo.order(ex, task.orderId);
    if (!order) return [];
    const sharing = await ports.customers.customersSharingPhone(ex, order.customerId);
    const others = await repo.ordersOfCustomers(ex, sharing, order.id);
    const diffs = await ports.customers.compareContacts(
      ex,
      { customerId: order.customerId, addressId: order.addressId },
      others.map((o) => ({ ref: o.id, customerId: o.customerId, addressId: o.addressId })),
    );
    return diffs
      .filter((d) => d.differentName || d.differentAddress)
      .map((d) => ({ orderId: d.ref, differentName: d.differentName, differentAddress: d.differentAddress }))
      .sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  }

  async function orderSummary(ex: Executor, task: TaskRow): Promise<TaskDetail['order']> {
    const order = await repo.order(ex, task.orderId);
    if (!order) throw notFound('Work order', task.orderId);
    const [outlet, engineer, category] = await Promise.all([
      repo.outlet(ex, task.outletId),
      order.engineerId ? repo.engineer(ex, order.engineerId) : undefined,
      lookup.category(order.categoryCode),
    ]);
    return {
      id: order.id,
      number: order.number,
      orderType: order.orderType,
      status: order.status,
      categoryCode: order.categoryCode,
      categoryName: {
        'zh-CN': category?.nameZh ?? order.categoryCode,
        'en-US': category?.nameEn ?? order.categoryCode,
      },
      serviceMode: order.serviceMode,
      completedAt: order.completedAt?.toISOString() ?? null,
      closedAt: order.closedAt?.toISOString() ?? null,
      regionCode: order.regionCode,
      outlet: { id: task.outletId, code: outlet?.code ?? '', name: outlet?.name ?? task.outletId },
      engineer: engineer ? { id: engineer.id, name: maskName(deps.crypto.decrypt(engineer.nameEnc)) } : null,
    };
  }

  /** The full detail of a task the caller may see; `ex` lets a use case answer from its own transaction. */
  async function detailOf(ctx: ServiceContext, task: TaskRow, ex: Executor = db): Promise<TaskDetail> {
    const actor = requirePermission(ctx, 'callback.read');
    const c = await loadCase(ex, task);
    const [policies, appealPolicy, entryHours, order, contact, conflicts, names] = await Promise.all([
      deskPolicies(deps, ctx.now),
      appealPolicyOf(c, ctx.now),
      deps.policies.at<number>('cb.completion_entry.max_hours', task.completionEnteredAt),
      orderSummary(ex, task),
      repo
        .order(ex, task.orderId)
        .then((o) => (o ? ports.customers.maskedContact(ex, o.customerId, o.addressId) : null)),
      conflictsOf(ex, task),
      users.displayNames(peopleOf(c)),
    ]);
    const numbers = await repo.orderNumbers(
      ex,
      conflicts.map((x) => x.orderId),
    );
    return taskDetail({
      c,
      actor,
      now: ctx.now,
      tz,
      policies,
      appealPolicy,
      completionEntryMaxHours: entryHours.value,
      names,
      order,
      customer: contact ?? {
        id: task.customerId,
        nameMasked: '',
        phoneMasked: null,
        addressMasked: null,
        regionCode: null,
      },
      evidence: conflicts.map((x) => ({ ...x, orderNumber: numbers.get(x.orderId) ?? x.orderId })),
    });
  }

  return {
    appealPolicyOf,
    conflictsOf,
    detailOf,

    /** The desk's work list (CB-3 due and overdue, appeals for a second agent), sorted by due time. */
    async queue(ctx: ServiceContext, q: QueueQuery) {
      const actor = requirePermission(ctx, 'callback.read');
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { rows, total } = await repo.queue(
        db,
        {
          scope: taskScopeWhere(actor),
          view: q.view ?? 'due',
          now: ctx.now,
          userId: actor.userId,
          caller: q.caller,
          outletId: q.outletId,
          status: q.status,
          month: q.month,
          q: q.q,
        },
        page,
        pageSize,
      );
      const attempts = await repo.attemptsOf(
        db,
        rows.map((r) => r.task.id),
      );
      return {
        items: rows.map(({ task: t, outletName }) => {
          const own = attempts.filter((a) => a.taskId === t.id);
          return {
            id: t.id,
            version: t.version,
            status: t.status,
            orderId: t.orderId,
            orderNumber: t.orderNumber,
            orderType: t.orderType,
            outletId: t.outletId,
            outletName: outletName ?? t.outletId,
            regionCode: t.regionCode,
            caller: t.caller,
            planReason: t.planReason,
            highValue: t.highValue,
            rounds: t.rounds,
            roundsAnswered: roundsAnswered(own, t.rounds),
            attemptCount: own.length,
            lastAttemptAt: own.at(-1)?.at.toISOString() ?? null,
            completedAt: t.completedAt.toISOString(),
            completionEnteredAt: t.completionEnteredAt.toISOString(),
            lateEntry: t.lateEntry,
            dueAt: t.dueAt.toISOString(),
            overdue: isOverdue(t, ctx.now),
            month: t.month,
            verdict: t.verdict,
            verdictAt: t.verdictAt?.toISOString() ?? null,
            appealWindowClosesAt: t.appealWindowClosesAt?.toISOString() ?? null,
            finalAt: t.finalAt?.toISOString() ?? null,
          };
        }),
        total,
        page,
        pageSize,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<TaskDetail> {
      return detailOf(ctx, await loadVisibleTask(db, ctx, id, 'callback.read'));
    },

    /** The callback of an order, for the order page (404 when the order has none or is out of scope). */
    async byOrder(ctx: ServiceContext, orderId: string): Promise<TaskDetail> {
      requirePermission(ctx, 'callback.read');
      const task = await repo.taskOfOrder(db, orderId);
      if (!task) throw notFound('Callback of order', orderId);
      return detailOf(ctx, await loadVisibleTask(db, ctx, task.id, 'callback.read'));
    },

    /** MD-5 through the customers module's own audited reveal; only the order's address is returned. */
    async reveal(ctx: ServiceContext, id: string) {
      requirePermission(ctx, 'customer.reveal');
      const task = await loadVisibleTask(db, ctx, id, 'callback.read');
      const order = await repo.order(db, task.orderId);
      if (!order) throw notFound('Work order', task.orderId);
      const full = await ports.customers.reveal(ctx, order.customerId);
      const address = full.addresses.find((a) => a.id === order.addressId);
      return {
        customerId: order.customerId,
        name: full.name,
        phones: full.phones,
        address: address ? { id: address.id, regionCode: order.regionCode, detail: address.detail } : null,
      };
    },

    async openFile(ctx: ServiceContext, id: string, fileId: string) {
      const task = await loadVisibleTask(db, ctx, id, 'callback.read');
      const file = await repo.findFile(db, fileId);
      const appeals = file ? await repo.appealsOf(db, task.id) : [];
      if (!file || !appeals.some((a) => a.id === file.appealId)) throw notFound('Appeal file', fileId);
      const stream = openStoredFile(ports.filesDir, file.storageKey);
      if (!stream) throw notFound('Appeal file', fileId);
      return { file, stream };
    },

    /** CB-3 客服主管当日单据当日审核: the day's completion entries and verdicts, audited or not. */
    async auditList(ctx: ServiceContext, date: string | undefined): Promise<Static<typeof AuditList>> {
      const actor = requirePermission(ctx, 'callback.audit');
      const day = date ?? businessDate(ctx.now, tz);
      try {
        parseBusinessDate(day);
      } catch {
        throw new AppError(
          'VALIDATION_FAILED',
          `There is no calendar day ${day}; give the date as YYYY-MM-DD.`,
          {
            errors: [{ path: '/date', message: 'Give a real calendar date as YYYY-MM-DD.' }],
          },
        );
      }
      const from = businessDayStart(day, tz);
      const to = businessDayStart(addCalendarDays(day, 1), tz);
      const scope = taskScopeWhere(actor);
      const [entries, verdictRows] = await Promise.all([
        repo.entriesBetween(db, from, to, scope),
        repo.verdictsBetween(db, from, to, scope),
      ]);
      const docs: (AuditDocument & { extra: DocExtra })[] = [
        ...entries.map(({ task: t, outletName }) => ({
          id: t.id,
          taskId: t.id,
          kind: 'completion_entry' as const,
          at: t.completionEnteredAt,
          agentId: null,
          verdict: null,
          auditedAt: t.entryAuditedAt,
          extra: docExtra(t, outletName, t.entryAuditedBy),
        })),
        ...verdictRows.map(({ verdict: v, task: t, outletName }) => ({
          id: v.id,
          taskId: t.id,
          kind: 'verdict' as const,
          at: v.recordedAt,
          agentId: v.agentId,
          verdict: v.verdict as Verdict,
          auditedAt: v.auditedAt,
          extra: docExtra(t, outletName, v.auditedBy),
        })),
      ];
      const list = sameDayAuditList(docs, day, { now: ctx.now, tz });
      const names = await users.displayNames([
        ...new Set(docs.flatMap((d) => [d.agentId, d.extra.auditedBy]).filter((x): x is string => !!x)),
      ]);
      const extras = new Map(docs.map((d) => [`${d.kind}:${d.id}`, d.extra]));
      const who = (id: string | null) => (id ? { id, displayName: names.get(id) ?? id } : null);
      return {
        date: list.date,
        deadline: list.deadline.toISOString(),
        documents: list.documents.map((d) => {
          const x = extras.get(`${d.kind}:${d.id}`) as DocExtra;
          return {
            kind: d.kind,
            id: d.id,
            taskId: d.taskId,
            orderId: x.orderId,
            orderNumber: x.orderNumber,
            outletId: x.outletId,
            outletName: x.outletName,
            at: d.at.toISOString(),
            agent: who(d.agentId),
            verdict: d.verdict,
            lateEntry: x.lateEntry,
            auditedAt: d.auditedAt?.toISOString() ?? null,
            auditedBy: who(x.auditedBy),
          };
        }),
        outstanding: list.outstanding.length,
        auditedInTime: list.auditedInTime,
        auditedLate: list.auditedLate,
        missed: list.missed,
        byVerdict: list.byVerdict,
      };
    },

    /** CB-2 月清月毕: the month's tasks still open, overdue, and how much was cleared in the month, per outlet. */
    async monthEnd(ctx: ServiceContext, month: string | undefined): Promise<Static<typeof MonthEnd>> {
      const actor = requirePermission(ctx, 'callback.read');
      const m = month ?? monthOf(ctx.now, tz);
      if (!isMonth(m)) {
        throw new AppError('VALIDATION_FAILED', 'Give the month as YYYY-MM.', {
          errors: [{ path: '/month', message: 'Give the month as YYYY-MM.' }],
        });
      }
      const rows = await repo.clearanceTasks(db, m, taskScopeWhere(actor));
      const finishedAt = (t: TaskRow, first: string | Date | null): Date | null =>
        first !== null ? new Date(first) : t.status === 'unreachable' ? t.finalAt : null;
      const result = monthEndClearance(
        rows.map(({ task: t, firstVerdictAt }) => ({
          taskId: t.id,
          orderId: t.orderId,
          outletId: t.outletId,
          caller: t.caller as CallbackCaller,
          completionEnteredAt: t.completionEnteredAt,
          dueAt: t.dueAt,
          finishedAt: finishedAt(t, firstVerdictAt),
        })),
        m,
        { now: ctx.now, tz },
      );
      const numbers = new Map(rows.map((r) => [r.task.orderId, r.task.orderNumber]));
      const outletNames = new Map(rows.map((r) => [r.task.outletId, r.outletName ?? r.task.outletId]));
      return {
        month: result.month,
        lastDate: result.lastDate,
        endsAt: result.endsAt.toISOString(),
        monthOver: result.monthOver,
        total: result.total,
        clearedInMonth: result.clearedInMonth,
        clearedLate: result.clearedLate,
        clearedShare: result.clearedShare,
        open: result.open.map((o) => ({
          taskId: o.taskId,
          orderId: o.orderId,
          orderNumber: numbers.get(o.orderId) ?? o.orderId,
          outletId: o.outletId,
          caller: o.caller,
          dueAt: o.dueAt.toISOString(),
          overdue: o.overdue,
          dueAfterMonthEnd: o.dueAfterMonthEnd,
        })),
        byOutlet: result.byOutlet.map((b) => ({
          ...b,
          outletName: outletNames.get(b.outletId) ?? b.outletId,
        })),
      };
    },
  };
}

/** What the audit list shows of a document besides what the CB-3 rule weighs. */
interface DocExtra {
  orderId: string;
  orderNumber: string;
  outletId: string;
  outletName: string;
  lateEntry: boolean;
  auditedBy: string | null;
}

const docExtra = (t: TaskRow, outletName: string | null, auditedBy: string | null): DocExtra => ({
  orderId: t.orderId,
  orderNumber: t.orderNumber,
  outletId: t.outletId,
  outletName: outletName ?? t.outletId,
  lateEntry: t.lateEntry,
  auditedBy,
});

export type DeskReader = ReturnType<typeof createDeskReader>;
