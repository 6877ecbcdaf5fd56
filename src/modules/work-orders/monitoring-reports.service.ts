import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { ExportColumn, ExportLocale } from '../../platform/files/xlsx-export.ts';
import { toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { addCalendarDays, businessDate, businessDayStart, formatBusiness } from '../../platform/time.ts';
import { createUserDirectory } from '../identity/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import type { BacklogItem, BacklogOrderFacts, SixFirstsFacts } from './domain/monitoring.ts';
import { backlogReport, orderSixFirsts, outletSixFirsts } from './domain/monitoring.ts';
import { fieldDirectory } from './field-directory.ts';
import { assertCalendarDates, checkRange } from './field-views.ts';
import { monitorScope } from './monitoring-cards.ts';
import { MAX_MONITORED_ORDERS, monitoringQueries as mq } from './monitoring-queries.ts';
import type { OrderStore } from './order-store.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

const THRESHOLDS_POLICY = 'wo.backlog.age_thresholds_days';
const RESOLVE_POLICY = 'wo.backlog.resolve_within_days';
const DAY_MS = 86_400_000;

export type BacklogRow = BacklogItem & {
  number: string;
  outletName: string;
  responsibleName: string | null;
  engineerCode: string | null;
  ageDays: number;
};

const later = (a: Date, b: Date | null): Date => (b && b > a ? b : a);

/** WO-10 backlog and WO-14 six firsts: the morning meeting's reports. */
export function createReportMonitoring(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;
  const db = store.db;
  const users = createUserDirectory(db);

  async function backlogPolicy(now: Date) {
    const [thresholds, resolve] = await Promise.all([
      deps.policies.at<number[]>(THRESHOLDS_POLICY, now),
      deps.policies.at<number>(RESOLVE_POLICY, now),
    ]);
    return {
      policy: { ageThresholdsDays: thresholds.value, resolveWithinDays: resolve.value },
      policyVersions: { [THRESHOLDS_POLICY]: thresholds.version, [RESOLVE_POLICY]: resolve.version },
    };
  }

  async function backlog(ctx: ServiceContext, filter: { outletId?: string | undefined }) {
    const scope = await monitorScope(store, ctx, filter.outletId);
    const { policy, policyVersions } = await backlogPolicy(ctx.now);
    const found = await mq.openOrders(db, scope.where);
    const orders = found.slice(0, MAX_MONITORED_ORDERS);
    const outletIds = [...new Set(orders.flatMap((o) => (o.outletId ? [o.outletId] : [])))];
    const people = await fieldDirectory.outletPeople(db, outletIds);
    const facts: BacklogOrderFacts[] = orders.map((o) => {
      const p = (o.outletId ? people.get(o.outletId) : undefined) ?? { dispatcherId: null, managerId: null };
      return {
        orderId: o.id,
        outletId: o.outletId,
        status: o.status as OrderStatus,
        createdAt: o.createdAt,
        customerRequestedAt: o.customerRequestedAt,
        categoryCode: o.categoryCode,
        people: {
          dispatcherId: p.dispatcherId,
          engineerId: o.engineerId,
          productSupervisorId: p.managerId,
          managerId: p.managerId,
        },
        escalatedTo: null,
      };
    });
    const report = backlogReport(facts, policy, { now: ctx.now, tz });
    const byId = new Map(orders.map((o) => [o.id, o]));
    const [names, outletNames, engineerCodes] = await Promise.all([
      users.displayNames([
        ...new Set(report.items.flatMap((i) => (i.responsibleId ? [i.responsibleId] : []))),
      ]),
      outletsRepository.names(db, outletIds),
      fieldDirectory.engineerCodes(db, [
        ...new Set(report.items.flatMap((i) => (i.engineerId ? [i.engineerId] : []))),
      ]),
    ]);
    const items: BacklogRow[] = report.items.map((i) => ({
      ...i,
      number: (byId.get(i.orderId) as WorkOrderRow).number,
      outletName: outletNames.get(i.outletId) ?? i.outletId,
      responsibleName: i.responsibleId ? (names.get(i.responsibleId) ?? null) : null,
      engineerCode: i.engineerId ? (engineerCodes.get(i.engineerId) ?? null) : null,
      ageDays: Math.floor(i.ageMs / DAY_MS),
    }));
    return {
      date: report.date,
      outletId: scope.outletId,
      thresholdsDays: policy.ageThresholdsDays,
      resolveWithinDays: policy.resolveWithinDays,
      policyVersions,
      truncated: found.length > MAX_MONITORED_ORDERS,
      byOutlet: report.byOutlet.map((o) => ({
        outletId: o.outletId,
        outletName: outletNames.get(o.outletId) ?? o.outletId,
        counts: o.counts,
        overdue: o.overdue,
      })),
      items,
    };
  }

  const columns: ExportColumn<BacklogRow>[] = [
    { header: { 'zh-CN': '工单号', 'en-US': 'Order' }, value: (r) => r.number, width: 22 },
    { header: { 'zh-CN': '网点', 'en-US': 'Outlet' }, value: (r) => r.outletName, width: 28 },
    { header: { 'zh-CN': '品类', 'en-US': 'Category' }, value: (r) => r.categoryCode, width: 16 },
    { header: { 'zh-CN': '状态', 'en-US': 'Status' }, value: (r) => r.status, width: 14 },
    { header: { 'zh-CN': '已过天数', 'en-US': 'Age (days)' }, value: (r) => r.ageDays, width: 10 },
    { header: { 'zh-CN': '超过天数', 'en-US': 'Older than (days)' }, value: (r) => r.overDays, width: 12 },
    {
      header: { 'zh-CN': '进入遗留', 'en-US': 'In backlog since' },
      value: (r) => formatBusiness(r.backlogSince, tz),
      width: 18,
    },
    { header: { 'zh-CN': '升级至', 'en-US': 'Escalated to' }, value: (r) => r.escalation, width: 18 },
    {
      header: { 'zh-CN': '责任人', 'en-US': 'Responsible' },
      value: (r) => r.responsibleName ?? '',
      width: 18,
    },
    { header: { 'zh-CN': '工程师', 'en-US': 'Engineer' }, value: (r) => r.engineerCode ?? '', width: 14 },
    {
      header: { 'zh-CN': '解决期限', 'en-US': 'Resolve by' },
      value: (r) => formatBusiness(r.resolveBy, tz),
      width: 18,
    },
    {
      header: { 'zh-CN': '已超期', 'en-US': 'Overdue' },
      value: (r) => (r.overdue ? '是/yes' : ''),
      width: 8,
    },
  ];

  return {
    backlog,

    /** WO-10: the same list as a workbook for the morning meeting. */
    async backlogXlsx(ctx: ServiceContext, filter: { outletId?: string | undefined }, locale: ExportLocale) {
      const report = await backlog(ctx, filter);
      const sheet = locale === 'zh-CN' ? `遗留 ${report.date}` : `Backlog ${report.date}`;
      return toXlsxBuffer(sheet, columns, report.items, locale);
    },

    /** WO-14: each step's latency per order, and per outlet the median and p90 of the completed ones. */
    async sixFirsts(
      ctx: ServiceContext,
      filter: { outletId?: string | undefined; from?: string; to?: string; page: number; pageSize: number },
    ) {
      const scope = await monitorScope(store, ctx, filter.outletId);
      assertCalendarDates({ '/from': filter.from, '/to': filter.to });
      const to = filter.to ?? businessDate(ctx.now, tz);
      const from = filter.from ?? addCalendarDays(to, -29);
      checkRange(from, to, 92);
      const { policy } = await backlogPolicy(ctx.now);
      const firstThreshold = (policy.ageThresholdsDays[0] ?? 0) * DAY_MS;
      const found = await mq.ordersCreatedBetween(
        db,
        scope.where,
        businessDayStart(from, tz),
        businessDayStart(addCalendarDays(to, 1), tz),
      );
      const orders = found.slice(0, MAX_MONITORED_ORDERS);
      const perOrder = orders.map((o) => {
        const ended = o.closedAt ?? o.cancelledAt;
        // WO-10 → WO-14: an order enters the backlog at the first age threshold and leaves it when it ends.
        const entered = new Date(later(o.createdAt, o.customerRequestedAt).getTime() + firstThreshold);
        const inBacklog = entered.getTime() < (ended ?? ctx.now).getTime();
        const facts: SixFirstsFacts = {
          orderId: o.id,
          outletId: o.outletId as string,
          createdAt: o.createdAt,
          customerRequestedAt: o.customerRequestedAt,
          dispatchedAt: o.dispatchedAt,
          acceptedAt: o.acceptedAt,
          firstContactAt: o.firstContactAt,
          firstVisitAt: o.firstVisitAt,
          firstPartRequestAt: o.firstPartRequestAt,
          backlogEnteredAt: inBacklog ? entered : null,
          backlogClearedAt: inBacklog ? ended : null,
          completedAt: o.completedAt,
          closedAt: o.closedAt,
        };
        return { number: o.number, ...orderSixFirsts(facts, ctx.now) };
      });
      const outletNames = await outletsRepository.names(db, [...new Set(perOrder.map((o) => o.outletId))]);
      const start = (filter.page - 1) * filter.pageSize;
      return {
        from,
        to,
        outletId: scope.outletId,
        truncated: found.length > MAX_MONITORED_ORDERS,
        outlets: outletSixFirsts(perOrder).map((o) => ({
          ...o,
          outletName: outletNames.get(o.outletId) ?? o.outletId,
        })),
        items: perOrder.slice(start, start + filter.pageSize),
        total: perOrder.length,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  };
}
