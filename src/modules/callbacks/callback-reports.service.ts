import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { inScope, requirePermission } from '../identity/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import { callbackReport } from './domain/callback-reports.ts';
import { monthsBetween } from './domain/callback-time.ts';
import { callbackReportsRepository as repo } from './callback-reports.repository.ts';
import type { ReportSummaryView } from './programmes-schemas.ts';
import { checkMonth, scopeRegionPrefixes } from './programmes-support.ts';

/** One request covers at most two years of months, so a report stays one screen and one query. */
const MAX_MONTHS = 24;
/** Without `from`, the report shows the half year up to `to`. */
const DEFAULT_MONTHS = 6;

export interface ReportSummaryQuery {
  from?: string | undefined;
  to?: string | undefined;
  outletId?: string | undefined;
}

/** Callback reports (CB-2, CB-3, CB-6) per outlet and month, over the tasks in the caller's scope. */
export function createCallbackReports(deps: PlatformDeps) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;

  return {
    async summary(ctx: ServiceContext, q: ReportSummaryQuery): Promise<ReportSummaryView> {
      const actor = requirePermission(ctx, 'callback.report');
      const to = checkMonth(q.to, ctx.now, tz, '/to');
      let from = q.from ? checkMonth(q.from, ctx.now, tz, '/from') : to;
      if (!q.from) for (let i = 1; i < DEFAULT_MONTHS; i++) from = previousMonth(from);
      if (from > to) throw validationFailed([{ path: '/from', message: `Choose a month up to ${to}.` }]);
      if (monthsBetween(from, to) >= MAX_MONTHS)
        throw validationFailed([{ path: '/from', message: `Ask for at most ${MAX_MONTHS} months at once.` }]);
      if (q.outletId) {
        const outlet = await outletsRepository.findById(db, q.outletId);
        if (!outlet || !inScope(actor.scope, { outletId: outlet.id, regionCode: outlet.regionCode }))
          throw notFound('Outlet', q.outletId);
      }
      const outletId = actor.scope.kind === 'outlet' ? actor.scope.outletId : q.outletId;
      const facts = await repo.facts(db, {
        fromMonth: from,
        toMonth: to,
        outletId,
        regionPrefixes: actor.scope.kind === 'regions' ? scopeRegionPrefixes(actor) : undefined,
      });
      const report = callbackReport(facts, { from, to });
      const names = await outletsRepository.names(db, [...new Set(report.outlets.map((o) => o.outletId))]);
      const name = (id: string) => names.get(id) ?? id;
      return {
        from,
        to,
        outletId: outletId ?? null,
        totals: report.totals,
        months: report.months,
        outlets: report.outlets
          .map((o) => ({ ...o, outletName: name(o.outletId) }))
          .sort(
            (a, b) => a.outletName.localeCompare(b.outletName, 'zh-CN') || (a.outletId < b.outletId ? -1 : 1),
          ),
        outletMonths: report.outletMonths.map((c) => ({ ...c, outletName: name(c.outletId) })),
      };
    },
  };
}

function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}

export type CallbackReports = ReturnType<typeof createCallbackReports>;
