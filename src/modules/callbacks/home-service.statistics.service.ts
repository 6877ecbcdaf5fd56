import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, validationFailed } from '../../platform/errors.ts';
import { businessDate } from '../../platform/time.ts';
import { createUserDirectory, requirePermission } from '../identity/index.ts';
import type { HomeServiceChannel, HomeServiceParty } from './domain/callback-codes.ts';
import { monthBounds } from './domain/callback-time.ts';
import type {
  HomeCallbackRecord,
  HomeServiceMonthlyStatistics,
  HomeServiceSchedulePolicy,
} from './domain/home-service-callbacks.ts';
import {
  homeServiceCallbacksDue,
  homeServiceMonthlyStatistics,
  monthlyArchiveProblems,
} from './domain/home-service-callbacks.ts';
import type { ArchiveRow, PlacementFilter } from './home-service.repository.ts';
import { homeServiceRepository as repo } from './home-service.repository.ts';
import { HOME_SCHEDULE_POLICY } from './home-service.service.ts';
import { createHomeViews } from './home-service.views.ts';
import type { ArchiveView, HomeStatisticsView } from './programmes-schemas.ts';
import { assertPlainText, checkMonth, isUniqueViolation, iso } from './programmes-support.ts';

type StoredStatistics = HomeServiceMonthlyStatistics & { policyVersion: number };

/**
 * CB-8 monthly statistics (月度统计表) and the archive of the month's statistics with the written summary
 * (回访总结汇报, 资料归档). The archive is the after-sales department's, over every home-service outlet, so it
 * is made and read with an HQ scope; it is written once and never changed.
 */
export function createHomeStatistics(deps: PlatformDeps) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;
  const views = createHomeViews(deps);
  const users = createUserDirectory(db);

  /** The month's callbacks of the placements in the filter: the scheduled ones, made or not, and any made. */
  async function statistics(month: string, filter: PlacementFilter, now: Date): Promise<StoredStatistics> {
    const bounds = monthBounds(month, tz);
    const range = { from: bounds.firstDate, to: bounds.lastDate };
    const policy = await deps.policies.at<HomeServiceSchedulePolicy>(HOME_SCHEDULE_POLICY, now);
    const [placements, made] = await Promise.all([
      repo.allPlacements(db, { ...filter, overlaps: range }),
      repo.callbacksDueBetween(db, range.from, range.to, filter),
    ]);
    const key = (placementId: string, party: string, sequence: number) =>
      `${placementId}|${party}|${sequence}`;
    const madeByKey = new Map(made.map((c) => [key(c.placementId, c.party, c.sequence), c]));
    const scheduled = homeServiceCallbacksDue(
      placements.map((p) => ({
        placementId: p.id,
        customerId: p.customerId,
        workerId: p.workerId,
        startDate: p.startDate,
        endDate: p.endDate,
      })),
      range,
      policy.value,
    );
    const records: HomeCallbackRecord[] = scheduled.map((s) => {
      const c = madeByKey.get(key(s.placementId, s.party, s.sequence));
      madeByKey.delete(key(s.placementId, s.party, s.sequence));
      return {
        placementId: s.placementId,
        party: s.party,
        dueDate: s.dueDate,
        doneAt: c?.at ?? null,
        channel: (c?.channel as HomeServiceChannel | undefined) ?? null,
        satisfied: c?.satisfied ?? null,
      };
    });
    // Callbacks made for a due date the schedule no longer lists (the policy or the end date changed since)
    // still happened in the month and stay in its figures.
    for (const c of madeByKey.values()) {
      records.push({
        placementId: c.placementId,
        party: c.party as HomeServiceParty,
        dueDate: c.dueDate,
        doneAt: c.at,
        channel: c.channel as HomeServiceChannel,
        satisfied: c.satisfied,
      });
    }
    return { ...homeServiceMonthlyStatistics(month, records, { now, tz }), policyVersion: policy.version };
  }

  function requireHq(actor: Actor, action: string): void {
    if (actor.scope.kind !== 'all') throw forbidden(action);
  }

  async function archiveViews(rows: readonly ArchiveRow[]): Promise<ArchiveView[]> {
    const names = await users.displayNames([...new Set(rows.map((r) => r.archivedBy))]);
    return rows.map((r) => ({
      month: r.month,
      statistics: r.statistics as ArchiveView['statistics'],
      summary: r.summary,
      archivedBy: { id: r.archivedBy, displayName: names.get(r.archivedBy) ?? r.archivedBy },
      archivedAt: iso(r.archivedAt),
    }));
  }

  return {
    /** CB-8: the month's statistics; outlet staff get their outlet's, HQ every outlet's or one outlet's. */
    async statistics(
      ctx: ServiceContext,
      q: { month?: string | undefined; outletId?: string | undefined },
    ): Promise<HomeStatisticsView> {
      const actor = requirePermission(ctx, 'home.read');
      const month = checkMonth(q.month, ctx.now, tz);
      const outletIds = await views.scopeOutletIds(actor);
      const outletId = actor.scope.kind === 'outlet' ? actor.scope.outletId : (q.outletId ?? null);
      const [stats, archive] = await Promise.all([
        statistics(month, { outletIds, ...(outletId ? { outletId } : {}) }, ctx.now),
        repo.findArchive(db, month),
      ]);
      return { ...stats, outletId, archived: archive !== undefined };
    },

    /** CB-8: archive a finished month's statistics with the written summary, once. */
    async archive(ctx: ServiceContext, input: { month: string; summary: string }): Promise<ArchiveView> {
      const actor = requirePermission(ctx, 'home.write');
      requireHq(
        actor,
        'archive a home-service month: the archive covers every outlet and is made by the service center',
      );
      const month = checkMonth(input.month, ctx.now, tz);
      assertPlainText([[input.summary, '/summary']]);
      const issues = monthlyArchiveProblems({ month, summary: input.summary }, { now: ctx.now, tz });
      if (issues.length > 0) throw validationFailed(issues);
      const exists = (row: ArchiveRow | undefined) =>
        new AppError(
          'ALREADY_EXISTS',
          `${month} is already archived${row ? ` (on ${businessDate(row.archivedAt, tz)})` : ''}; an archive is never changed.`,
          { details: { month } },
        );
      const found = await repo.findArchive(db, month);
      if (found) throw exists(found);
      const stats = await statistics(month, {}, ctx.now);
      try {
        const row = await inTransaction(deps, async (tx) => {
          const created = await repo.insertArchive(tx, {
            month,
            statistics: stats,
            summary: input.summary.trim(),
            archivedBy: actor.userId,
            archivedAt: ctx.now,
          });
          await writeAudit(tx, ctx, {
            entity: 'home_service_archive',
            entityId: month,
            action: 'archive',
            // Figures only: the summary is free text and is read from the archive itself.
            after: {
              month,
              customer: { due: stats.customer.due, done: stats.customer.done },
              worker: { due: stats.worker.due, done: stats.worker.done },
              policyVersion: stats.policyVersion,
              summaryLength: created.summary.length,
            },
          });
          return created;
        });
        return (await archiveViews([row]))[0] as ArchiveView;
      } catch (e) {
        if (isUniqueViolation(e)) throw exists(await repo.findArchive(db, month));
        throw e;
      }
    },

    async archives(ctx: ServiceContext, q: { page: number; pageSize: number }) {
      const actor = requirePermission(ctx, 'home.read');
      requireHq(
        actor,
        'read the home-service archives: they cover every outlet and are kept by the service center',
      );
      const { rows, total } = await repo.listArchives(db, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await archiveViews(rows), total, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type HomeStatistics = ReturnType<typeof createHomeStatistics>;
